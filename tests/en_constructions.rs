//! English official writing, construction by construction (issue 4): translated readouts,
//! executive orders, resolutions. Every sentence here is written for the test.

use std::sync::OnceLock;

use directives::{Document, Extraction, Extractor};

fn ex() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::with_defaults().unwrap())
}

struct Found {
    text: String,
    ex: Extraction,
}

impl Found {
    fn new(text: &str) -> Found {
        Found {
            text: text.to_string(),
            ex: ex().extract(&Document::from_text("t", text)),
        }
    }
    fn triggers(&self) -> Vec<&str> {
        self.ex
            .tasks
            .iter()
            .map(|t| t.trigger.of(&self.text))
            .collect()
    }
    fn sentences(&self) -> Vec<&str> {
        self.ex
            .tasks
            .iter()
            .map(|t| self.ex.sentences[t.sentence].span.of(&self.text))
            .collect()
    }
    fn actors(&self) -> Vec<Option<&str>> {
        self.ex
            .tasks
            .iter()
            .map(|t| t.actor.map(|a| a.of(&self.text)))
            .collect()
    }
    fn speakers(&self) -> Vec<Option<&str>> {
        self.ex.tasks.iter().map(|t| t.speaker.as_deref()).collect()
    }
    fn modalities(&self) -> Vec<&str> {
        self.ex.tasks.iter().map(|t| t.modality.name()).collect()
    }
    fn deadlines(&self) -> Vec<Option<&str>> {
        self.ex
            .tasks
            .iter()
            .map(|t| t.deadline.as_ref().map(|d| d.span.of(&self.text)))
            .collect()
    }
}

// Translated readouts.

#[test]
fn impersonal_obligations_have_no_actor() {
    let f = Found::new(
        "It is necessary to improve flood warnings. Efforts should be made to relocate residents.",
    );
    assert_eq!(
        f.triggers(),
        ["It is necessary to", "Efforts should be made to"]
    );
    assert_eq!(f.actors(), [None, None]);
}

#[test]
fn a_speaker_stresses_and_the_meeting_calls_for() {
    let f = Found::new(
        "Wang Hai stressed that all provinces must secure the harvest. The meeting called for efforts to stabilize prices. Local officials should visit every village.",
    );
    assert_eq!(
        f.speakers(),
        [Some("Wang Hai"), Some("The meeting"), Some("The meeting")]
    );
    assert_eq!(
        f.actors(),
        [Some("all provinces"), None, Some("Local officials")]
    );
}

#[test]
fn we_will_is_a_commitment_and_a_chain_of_tasks_is_one_task() {
    let f = Found::new("We will cut fees, expand credit for small firms, and simplify approvals.");
    assert_eq!(f.modalities(), ["commitment"]);
    assert_eq!(f.actors(), [Some("We")]);
}

// Executive orders.

#[test]
fn order_duties_with_their_deadlines() {
    let f = Found::new("Each agency shall, within 120 days of the date of this order, submit a plan. The Secretary shall publish guidance.");
    assert_eq!(f.actors(), [Some("Each agency"), Some("The Secretary")]);
    assert_eq!(
        f.deadlines(),
        [Some("within 120 days of the date of this order"), None]
    );
}

#[test]
fn performatives_and_policy_statements() {
    let f = Found::new(
        "By the authority vested in me as President, it is hereby ordered as follows:\nExecutive Order 13000 is hereby revoked.\nIt is the policy of the United States to promote safe research.\n",
    );
    assert_eq!(f.modalities(), ["obligation", "obligation", "commitment"]);
    assert!(f.speakers().iter().all(|s| *s == Some("the President")));
}

#[test]
fn a_lead_in_gives_one_task_per_action_item() {
    let text = "(a) The Secretary of Energy shall:\n(i) Review the safety standards;\n(ii) Key sectors of concern;\n(iii) developing a testing program; and\n(A) A term requiring the vendor to certify results.\n(b) The Attorney General shall report.\n";
    let f = Found::new(text);
    assert_eq!(
        f.sentences(),
        [
            "(a) The Secretary of Energy shall:",
            "(i) Review the safety standards;",
            "(iii) developing a testing program;",
            "(A) A term requiring the vendor to certify results.",
            "(b) The Attorney General shall report.",
        ]
    );
    // Items take no actor from their lead-in.
    assert_eq!(f.actors()[1], None);
}

#[test]
fn a_clause_after_a_semicolon_goes_on_with_its_items_commands() {
    // The clause after "; and" had no marker of its own and gave no task.
    let text = "The Secretary of Defense shall:\n(1) Review the priority systems; and develop and maintain the programs;\n(2) Develop plans; emphasize measures; and, minimize reliance on controls.\n(3) Publish guidance on: conducting audits; assessing data quality.\n";
    let f = Found::new(text);
    assert_eq!(
        f.triggers(),
        [
            "shall",
            "Review",
            "develop",
            "Develop",
            "emphasize",
            "minimize",
            "Publish"
        ]
    );
    assert_eq!(f.sentences()[2], "and develop and maintain the programs;");
    assert_eq!(f.actors()[2], None);
    // A clause after a semicolon that follows no directive is left alone.
    let plain = Found::new("The plan was adopted; develop the rest later.\n");
    assert_eq!(plain.triggers(), Vec::<&str>::new());
    // Outside lists too, clauses go on with the directive before them, as commitments here.
    let plan = Found::new(
        "We will pilot reform of the examinations; accelerate vocational education; and make sure that we have good preschool education. Prices rose; costs fell.\n",
    );
    assert_eq!(plan.triggers(), ["will", "accelerate", "make"]);
    assert!(plan
        .ex
        .tasks
        .iter()
        .all(|t| t.modality == directives::Modality::Commitment));
    assert_eq!(ex().rule_id(&plan.ex.tasks[1]), "en/layout/clause");
}

#[test]
fn a_readout_names_the_meeting_that_heard_a_report_and_quoted_speech_directs() {
    let f = Found::new(
        "The meeting heard a report on flood control and urged local authorities to prepare. It was decided at the meeting that more funds will be allocated to relief.\nLi Qiang said that the government will act. \"We must not let up,\" he said. The \"must carry\" rule was repealed.\n",
    );
    // The meeting spoke though it first heard a report; quoted speech that ends in a comma
    // was taken for a quoted term ("must carry") and gave no task.
    assert_eq!(f.triggers(), ["urged", "will", "will", "must not"]);
    assert_eq!(
        f.speakers(),
        [
            Some("The meeting"),
            Some("the meeting"),
            Some("Li Qiang"),
            Some("Li Qiang")
        ]
    );
}

#[test]
fn calls_to_act_in_speeches_and_duties_in_legal_text() {
    // None of these gave a task.
    let f = Found::new(
        "I urge Congress to pass this bill. Let us work together to build a cleaner city. Let us now turn to the budget. Make sure that all workers wear helmets. It is incumbent upon every department to protect data.",
    );
    assert_eq!(
        f.triggers(),
        ["urge", "Let us", "Make sure", "incumbent upon"]
    );
    assert_eq!(
        f.actors(),
        [Some("Congress"), None, None, Some("every department")]
    );
}

#[test]
fn a_writers_aside_is_not_a_duty() {
    let f = Found::new(
        "It should be noted that costs rose last year. It is important to note that the data are preliminary. It should be noted that all units must report.",
    );
    assert_eq!(f.triggers(), ["must"]);
}

#[test]
fn definitions_and_rules_of_construction_are_not_directives() {
    let f = Found::new(
        "(a) For purposes of this order, \"agency\" shall have the meaning given in section 3. (b) Nothing in this order shall be construed to impair any law. (c) The term \"data\" shall mean any record.",
    );
    assert_eq!(f.triggers(), Vec::<&str>::new());
}

// Resolutions.

#[test]
fn operative_paragraphs_of_a_resolution() {
    let text = "Recalling its earlier resolutions,\n1. Demands that all parties immediately cease hostilities;\n2. Requests the Secretary-General to report within sixty days;\n3. Urges Member States to increase aid;\n4. Calls upon donors to fund the appeal;\n5. Decides to remain seized of the matter;\n6. Encourages regional bodies to share information;\n7. Notes with concern the rise in attacks;\n8. Welcomes the efforts of the envoy;\n9. Recognizes the role of civil society;\n";
    let f = Found::new(text);
    assert_eq!(
        f.triggers(),
        [
            "Demands",
            "Requests",
            "Urges",
            "Calls upon",
            "Decides",
            "Encourages"
        ]
    );
    assert_eq!(
        f.actors(),
        [
            Some("all parties"),
            Some("the Secretary-General"),
            Some("Member States"),
            Some("donors"),
            None,
            Some("regional bodies")
        ]
    );
    assert_eq!(f.modalities()[5], "recommendation");
}

// Segmentation of these layouts.

#[test]
fn sections_numbered_paragraphs_and_inline_items_are_units() {
    let f = Found::new("Sec. 2. Duties. (a) Each agency shall report. (b) Each agency shall publish its data; and each agency shall train staff.");
    assert_eq!(
        f.sentences(),
        [
            "(a) Each agency shall report.",
            "(b) Each agency shall publish its data;",
            "and each agency shall train staff."
        ]
    );
}

// Speakers.

#[test]
fn a_speaker_holds_until_another_takes_over() {
    let f = Found::new("Li Na said that schools must reopen. Teachers should return. The meeting stressed that roads must be repaired.");
    assert_eq!(
        f.speakers(),
        [Some("Li Na"), Some("Li Na"), Some("The meeting")]
    );
}

// Deadlines.

#[test]
fn deadline_words_and_their_normal_form() {
    let text = "Date: March 10, 2025\nEach agency shall report within 60 days of the date of this order. The plan shall be ready by the end of June. Agencies shall act immediately. The Secretary shall report not later than March 1, 2026.\n";
    let f = Found::new(text);
    assert_eq!(
        f.deadlines(),
        [
            Some("within 60 days of the date of this order"),
            Some("by the end of June"),
            Some("immediately"),
            Some("not later than March 1, 2026")
        ]
    );
    let due: Vec<Option<String>> =
        f.ex.tasks
            .iter()
            .map(|t| {
                t.deadline
                    .as_ref()
                    .and_then(|d| d.normalized.due)
                    .map(|d| d.to_string())
            })
            .collect();
    assert_eq!(
        due,
        [
            Some("2025-05-09".into()),
            Some("2025-06-30".into()),
            None,
            Some("2026-03-01".into())
        ]
    );
}

// Modal verbs.

#[test]
fn modal_verbs_are_told_apart() {
    for (text, want) in [
        (
            "Contractors shall not subcontract the work.",
            Some("prohibition"),
        ),
        ("Officials must not accept gifts.", Some("prohibition")),
        ("Agencies may consult the public.", None),
        ("Each office should keep records.", Some("obligation")),
        ("Should you need help, call the office.", None),
        ("The Government will expand broadband.", Some("commitment")),
        ("Farmers will be able to sell more.", None),
        ("Prices will rise next year.", None),
        ("The data must have been lost.", None),
        ("Small firms need not register.", None),
        ("It is not necessary to hold a hearing.", None),
        ("The so-called \"must carry\" rule was repealed.", None),
    ] {
        let f = Found::new(text);
        assert_eq!(f.modalities().first().copied(), want, "{text}");
    }
}

// Plans laid out as titles and dash lists.

#[test]
fn plan_title_with_will_commits_no_one_but_its_dash_items_do() {
    let text = "Review of our work in 2016\n\nThe economy grew.\n\n\
                What the government will do in 2017\n\n\
                This year the government will do the following:\n\
                -- Follow the leadership of the Party\n\
                -- Give priority to jobs\n\
                -- Do better in guiding expectations\n\
                -- GDP growth of around 6.5 percent\n\n\
                We will cut taxes.\n";
    let f = Found::new(text);
    assert_eq!(
        f.sentences(),
        [
            "This year the government will do the following:",
            "-- Follow the leadership of the Party",
            "-- Give priority to jobs",
            "-- Do better in guiding expectations",
            "We will cut taxes.",
        ]
    );
    // The same words in a sentence of a paragraph still commit.
    let f = Found::new("Plans\n\nThe government will do more in 2017\nto help farmers.\n");
    assert_eq!(f.modalities(), ["commitment"]);
}

#[test]
fn passive_future_of_an_official_verb_is_a_commitment() {
    for (text, want) in [
        (
            "Central funding for poverty relief will be increased by 30 percent.",
            Some("commitment"),
        ),
        (
            "Mobile roaming charges will be cancelled this year.",
            Some("commitment"),
        ),
        (
            "Officials who fail to act will be held accountable.",
            Some("commitment"),
        ),
        ("The meeting will be held on Monday.", None),
        ("Prices will be lower next year.", None),
        ("He will be remembered for his work.", None),
        ("The plan lists the support that will be provided.", None),
    ] {
        let f = Found::new(text);
        assert_eq!(f.modalities().first().copied(), want, "{text}");
        if want.is_some() {
            assert_eq!(f.actors(), [None], "a passive names no actor: {text}");
        }
    }
}

#[test]
fn a_list_item_may_open_with_an_adverbial_phrase_before_its_verb() {
    let f = Found::new(
        "The Secretary of Agriculture shall:\n\
         (1) In cooperation with Federal, State, and local agencies, develop plans for food;\n\
         (2) within 90 days of the date of this order, submit a report to the President;\n\
         (3) Be prepared to provide direction to all modes of transport;\n\
         (4) In general, the resources of the Department.\n",
    );
    assert_eq!(
        f.sentences()[1..],
        [
            "(1) In cooperation with Federal, State, and local agencies, develop plans for food;",
            "(2) within 90 days of the date of this order, submit a report to the President;",
            "(3) Be prepared to provide direction to all modes of transport;",
        ]
    );
}

#[test]
fn a_government_will_with_cannot_and_set_off_before_it() {
    // "cannot—and will not—" stood between the party and "will", so the row never matched.
    let f = Found::new(
        "My Administration cannot—and will not—tolerate the use of AI to deny equal opportunity.\n\
         The Department can, and will, publish its findings.\n",
    );
    assert_eq!(
        f.actors(),
        [Some("My Administration"), Some("The Department")]
    );
    assert_eq!(f.modalities(), ["commitment", "commitment"]);
}

#[test]
fn a_briefing_asks_an_agency_and_reports_a_belief() {
    // "asked FEMA to" took no acronym as its object, and "The President believes we must"
    // named "The President believes we".
    let f = Found::new(
        "He also asked FEMA to stand up a joint field office within 48 hours.\n\
         The President believes we must do more.\n\
         The said agency must publish its plan.\n",
    );
    assert_eq!(
        f.actors(),
        [Some("FEMA"), Some("we"), Some("The said agency")]
    );
}

#[test]
fn a_memorandum_names_its_issuer_its_agencies_and_its_requests() {
    // Written for the test in the style of an OMB memorandum. The FROM line names who
    // issues it; "each CFO Act agency will" sets a duty; "No agency may" binds agencies;
    // "Requests should be addressed" opens with a plural noun, not the operative verb of a
    // resolution.
    let f = Found::new(
        "MEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES\n\n\
         FROM: Jane Doe, Director\n\n\
         SUBJECT: Improving Federal Data Centers\n\n\
         By September 30, 2026, each CFO Act agency will close its unused facilities.\n\n\
         No agency may open a new data center without prior approval.\n\n\
         Requests should be addressed to OMB.\n",
    );
    assert_eq!(f.triggers(), ["will", "No agency may", "should"]);
    assert_eq!(
        f.actors(),
        [Some("each CFO Act agency"), Some("agency"), None]
    );
    assert_eq!(f.speakers(), [Some("Jane Doe"); 3]);
}

#[test]
fn a_governors_remarks_ask_the_public_and_set_short_deadlines() {
    // Written for the test. "please" and "Don't" open requests and orders to the public;
    // "by Friday" and "tomorrow" are when deeds are due; a chair's "please go ahead" and a
    // reassuring "don't worry" direct no one.
    let f = Found::new(
        "Utilities need to restore power to every home by Friday.\n\
         I'm also ordering state offices to close tomorrow.\n\
         To everyone at home: please stay off the roads.\n\
         Don't run generators indoors.\n\
         Please go ahead with your question.\n\
         Don't worry about the details.\n",
    );
    assert_eq!(f.triggers(), ["need to", "ordering", "please", "Don't"]);
    assert_eq!(
        f.modalities(),
        ["obligation", "obligation", "obligation", "prohibition"]
    );
    assert_eq!(
        f.deadlines(),
        [Some("by Friday"), Some("tomorrow"), None, None]
    );
}

#[test]
fn a_short_hard_wrapped_rule_runs_its_sentences_across_lines() {
    // Written for the test in the style of a rule taken from a PDF. Too short to show its
    // wrap width, a line that stops on "than" or "the" still runs on; "no later than 180
    // days after" is a deadline; "does not require" lifts a duty.
    let f = Found::new(
        "   (b) Each covered facility shall establish a written plan no later than\n\
         180 days after the effective date of this rule.\n\
         \n\
         \u{20}  (a) Within 24 hours of any release, the owner or operator must notify the\n\
         Regional Administrator by telephone.\n\
         \u{20}  (d) This section does not require the owner or operator to disclose trade secrets.\n",
    );
    assert_eq!(f.triggers(), ["shall", "must"]);
    assert_eq!(
        f.deadlines(),
        [
            Some("no later than\n180 days after the effective date of this rule"),
            Some("Within 24 hours")
        ]
    );
    assert!(f.sentences()[1].ends_with("by telephone."));
}

#[test]
fn a_work_reports_run_in_imperatives_under_its_areas_of_work() {
    // Written for the test in the style of a translated work report: "Major areas of work"
    // opens a task section, where a sentence opening with a plain verb is a command and a
    // numbered gerund heading is not; "will be better allocated" is a plan.
    let f = Found::new(
        "Major areas of work for 2017\n\n\
         1. Pushing ahead with the priority tasks through reform\n\n\
         Take multiple measures to cut costs. We will cut taxes further.\n\n\
         Protecting property rights means protecting labor.\n\n\
         Airspace resources will be better allocated.\n",
    );
    assert_eq!(f.triggers(), ["Take", "will", "will"]);
}

#[test]
fn a_main_clause_with_a_subject_ends_the_search_for_a_command_verb() {
    // Written for the test: under an objectives heading, "When ..., it is in the national
    // interest to act ..., or use of ..." has a subject, so its "use" commands nothing; an
    // adverbial before a bare command still leaves the command.
    let f = Found::new(
        "Objectives\n\nWhen records are lost, damaged, or stolen, it is in the public interest to act through audits, reviews, or use of other tools.\n\nWhen records are lost, report the loss to the Archivist.\n",
    );
    assert_eq!(
        f.sentences(),
        ["When records are lost, report the loss to the Archivist."]
    );
}

#[test]
fn what_agencies_will_do_in_an_order_is_theirs_to_do() {
    // Written for the test: "Agencies will report" opening a paragraph assigns the report;
    // "actions that agencies will take" describes; "such offices as the Chair shall
    // designate" names who chooses.
    let f = Found::new(
        "(a) These plans outline actions that agencies will take to manage the risks.\n\n\
         (b) Agencies will report on their progress through the annual planning process.\n\n\
         (c) The board shall include officials from such offices as the Chair shall designate.\n\n\
         (d) The board shall include officials from:\n\
         (i) the Department of State; and\n\
         (ii) such other offices as the Chair shall designate.\n",
    );
    assert_eq!(f.triggers(), ["will", "shall", "shall"]);
    assert_eq!(
        f.actors(),
        [Some("Agencies"), Some("The board"), Some("The board")]
    );
}

#[test]
fn a_participle_after_a_short_name_in_parentheses_is_no_subject() {
    // Written for the test: "(Council)" closes the name, and "established in section 6"
    // after it modifies the name; the subject is before the adverbial chunks.
    let f = Found::new(
        "(a) All agencies, consistent with their missions and in coordination with the Council on Resilience (Council) established in section 6 of this order, shall report to the Council.\n",
    );
    assert_eq!(f.actors(), [Some("All agencies")]);
}

#[test]
fn a_modal_that_leads_in_a_list_of_gerunds_gives_each_item_a_task() {
    // Written for the test: the items after "we should concentrate on three tasks:" are
    // gerunds, and each clause after a semicolon goes on with the modal; gerunds after a
    // colon that no trigger leads in stay names of practices.
    let f = Found::new(
        "To this end, we should concentrate on three tasks: upgrading rural roads; training village doctors; and expanding broadband access.\nAgencies have tried several approaches: consulting the public; testing systems.\n",
    );
    assert_eq!(f.triggers(), ["should", "training", "expanding"]);
    assert_eq!(
        f.sentences()[1..],
        [
            "training village doctors;",
            "and expanding broadband access."
        ]
    );
}

#[test]
fn a_meeting_that_also_discussed_and_decided_speaks_and_decides() {
    // Written for the test: "also" before the meeting's first deed kept it from being the
    // speaker, and the decision after "and" was no trigger; an adverb inside "efforts should
    // be made to" left "Efforts" as the actor.
    let f = Found::new(
        "Li said the reservoirs must be inspected.\nThe meeting also discussed a draft regulation and decided to submit it to the legislature.\nEfforts should also be made to restore the roads.\n",
    );
    assert_eq!(
        f.triggers(),
        ["must", "decided", "Efforts should also be made to"]
    );
    assert_eq!(
        f.speakers(),
        [Some("Li"), Some("The meeting"), Some("The meeting")]
    );
    assert_eq!(f.actors(), [None, None, None]);
}

#[test]
fn a_readout_that_stresses_the_need_to_act_orders_it() {
    // Written for the test: "stressed the need to" and "urged efforts to" report a call to
    // act (强调要), the one who stresses is the speaker; "daily necessities" sets no time,
    // "patrol daily," does, and the comma is not cited.
    let f = Found::new(
        "Li stressed the need to secure the supply of daily necessities.\nThe meeting urged efforts to restore power.\nThe guards shall patrol daily, and report to the chief.\nThey discussed the need to act.\n",
    );
    assert_eq!(f.triggers(), ["stressed", "urged", "shall"]);
    assert_eq!(f.speakers()[..2], [Some("Li"), Some("The meeting")]);
    assert_eq!(f.deadlines(), [None, None, Some("daily")]);
}

#[test]
fn citations_and_references_in_parentheses_are_no_subject() {
    // Written for the test after EO 14042 (2021, not in the corpus): "…, 40 U.S.C.
    // 102(4)(A) (agencies), shall" named the citation, and "(as described in section 5(a)
    // of this order), shall" after a long subject named the reference. A long subject is
    // cut before its first participle that follows a noun ("charged", not "reviewing",
    // the object of a preposition).
    let f = Found::new(
        "(a) Executive departments and agencies, including independent establishments subject to the Act, 40 U.S.C. 102(4)(A) (agencies), shall ensure that contracts include the clause.\n\nUpon approval of the Guidance, contractors and subcontractors working on or in connection with a Federal Government contract or contract-like instrument (as described in section 5(a) of this order), shall adhere to the Guidance.\n\n(c) Working groups charged with reviewing and updating the permit processes of the many agencies involved in large infrastructure projects shall report.\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("Executive departments and agencies"),
            Some("contractors and subcontractors"),
            Some("Working groups")
        ]
    );
}

#[test]
fn a_second_party_after_a_conjunction_gets_its_own_task() {
    // Written for the test: "…, and the Council shall prepare …" was one task whose actor was
    // the first party; each clause names its own party now. A second duty of the same party
    // ("…, and publish them") stays in the first task.
    let f = Found::new(
        "The heads of agencies shall report to the Council each quarter, and the Council shall prepare an annual report.\n\nThe Director shall review the rules, and shall publish them.\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("The heads of agencies"),
            Some("the Council"),
            Some("The Director")
        ]
    );
}

#[test]
fn a_readout_reports_demands_with_a_clause_and_strict_bans() {
    // Written for the test after a translated flood-season readout: "demanded that X take",
    // "required that X coordinate" and "It is strictly forbidden to" gave no task, and
    // "Leading officials at all levels must" no actor (an -ing word before a plural noun is
    // an adjective, not an adverbial). A passive "are directed that" keeps its clause's modal.
    let f = Found::new(
        "He demanded that all districts and counties take flood prevention as the top priority.\n\nThe meeting required that the emergency management bureau coordinate rescue forces.\n\nIt is strictly forbidden to conceal disaster information.\n\nLeading officials at all levels must stay at their posts.\n\nThe heads of all agencies are directed that the total cost of new rules shall be no greater than zero.\n",
    );
    assert_eq!(
        f.triggers(),
        [
            "demanded that",
            "required that",
            "strictly forbidden",
            "must",
            "shall"
        ]
    );
    assert_eq!(
        f.actors()[..4],
        [
            Some("all districts and counties"),
            Some("the emergency management bureau"),
            None,
            Some("Leading officials at all levels")
        ]
    );
    assert_eq!(f.modalities()[2], "prohibition");
}

#[test]
fn a_leader_expecting_a_party_to_act_charges_it() {
    let f = Found::new(
        "I expect the new Commissioners to immediately address these problems. \
         I expect prices to rise next year. I also expect all of you to report by Friday.",
    );
    assert_eq!(f.triggers(), ["I expect", "I also expect"]);
    assert_eq!(
        f.actors(),
        [Some("the new Commissioners"), Some("all of you")]
    );
    assert_eq!(f.deadlines(), [Some("immediately"), Some("by Friday")]);
}

#[test]
fn the_title_of_remarks_names_the_speaker() {
    let f = Found::new(
        "Remarks by President Biden on the Economy\n\nWe must do more for working families.\n",
    );
    assert_eq!(f.speakers(), [Some("President Biden")]);
    let f = Found::new(
        "Remarks by H.E. Wang Yi at the Reception\n\nAll parties should keep talking.\n",
    );
    assert_eq!(f.speakers(), [Some("Wang Yi")]);
}

#[test]
fn a_list_of_parties_without_a_comma_before_and_is_taken_whole() {
    let f = Found::new(
        "The Secretary of State, the Secretary of Defense and the Attorney General shall consult. \
         All stakeholders including Traditional Rulers, Women, Youths and Civil Society, shall take part. \
         I plead that relations, friends, and party loyalists should not exert pressure. \
         This year, chemical oxygen demand and nitrogen emissions should both drop. \
         However, the Secretary and the Administrator shall report.",
    );
    assert_eq!(
        f.actors(),
        [
            Some("The Secretary of State, the Secretary of Defense and the Attorney General"),
            Some("All stakeholders including Traditional Rulers, Women, Youths and Civil Society"),
            Some("relations, friends, and party loyalists"),
            Some("chemical oxygen demand and nitrogen emissions"),
            Some("the Secretary and the Administrator"),
        ]
    );
}

#[test]
fn a_month_and_a_year_are_one_deadline() {
    // EO 14037: "by January 2022" was cut to "by January 20", a day.
    let f = Found::new(
        "The Administrator shall consider issuing a proposed rule by January 2022. \
         The Secretary shall issue any final rule no later than July 2024.",
    );
    assert_eq!(
        f.deadlines(),
        [Some("by January 2022"), Some("no later than July 2024")]
    );
}

#[test]
fn a_readouts_demand_with_a_clause_names_the_clauses_subject() {
    // Written for the test in the style of a translated flood-control readout.
    let f = Found::new(
        "Wang Hai stressed that governments at all levels must act. \
         He demanded that township cadres go deep into villages and households to organize the transfer of residents. \
         Relevant departments are required to complete the inspection of embankments before July 15th. \
         Zhou Lin requested that all districts and counties immediately convey the spirit of the meeting.",
    );
    assert_eq!(
        f.actors(),
        [
            Some("governments at all levels"),
            Some("township cadres"),
            Some("Relevant departments"),
            Some("all districts and counties")
        ]
    );
    assert_eq!(
        f.speakers(),
        [
            Some("Wang Hai"),
            Some("Wang Hai"),
            Some("Wang Hai"),
            Some("Zhou Lin")
        ]
    );
    assert_eq!(
        f.deadlines(),
        [None, None, Some("before July 15th"), Some("immediately")]
    );
}

#[test]
fn items_that_meet_host_partner_recruit_or_administer_are_tasks() {
    // Executive Order 14041 lists the Initiative's functions as -ing items; "(M) meeting
    // regularly with ..." and "(N) hosting the ... Conference" gave no task, as meet and host
    // were no command verbs.
    let f = Found::new(
        "The Initiative shall also perform the following specific functions:\n\
         (A) meeting regularly with students and leaders;\n\
         (B) hosting an annual conference for stakeholders;\n\
         (C) partnering with private entities to build a pipeline for students;\n\
         (D) recruiting faculty from underserved communities; and\n\
         (E) administering the grant program.\n",
    );
    assert_eq!(f.sentences().len(), 6);
}

#[test]
fn a_comma_inside_quotes_does_not_cut_the_actor_short() {
    // Executive Order 14041: "The head of each “applicable agency,” as defined in ..., shall
    // submit" named "The head of each “applicable agency", its quote left open.
    let f = Found::new(
        "(c) The head of each “applicable agency,” as defined in section 3(1) of the Act, shall submit an Agency Plan.\n\
         (d) Each \"covered entity,\" as defined in section 2, shall file a report.\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("The head of each “applicable agency,”"),
            Some("Each \"covered entity,\"")
        ]
    );
}

#[test]
fn a_pronoun_after_an_opener_without_a_comma_is_the_actor() {
    // The 2017 government work report: "For this we should focus on the following work" and
    // "To ensure overall economic and social stability we must not allow ..." named no one.
    let f = Found::new(
        "For this we should focus on the following work.\n\
         In this regard we must act quickly.\n\
         To ensure overall stability we must not allow the redline to be crossed.\n",
    );
    assert_eq!(f.actors(), [Some("we"), Some("we"), Some("we")]);
}

#[test]
fn a_relative_clause_with_its_own_subject_and_verb_describes_the_subject() {
    // Written for the test in the style of an executive order: "The heads of agencies that
    // the Director identifies shall submit" named "the Director identifies". A clause that
    // holds the trigger keeps its own subject ("measures that regulated entities must adopt").
    let f = Found::new(
        "The heads of agencies that the Director identifies shall submit a report.\n\
         These are the measures that regulated entities must adopt.\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("The heads of agencies that the Director identifies"),
            Some("regulated entities")
        ]
    );
}

#[test]
fn paragraphs_that_open_with_a_command_verb_after_the_following_are_items() {
    // A Plateau State governor's 2019 Democracy Day speech: "In the next four years,
    // Government hopes to accomplish the following:" and then one paragraph an item, with no
    // marker ("Consolidate ...", "Ensure ..."); none was a task. The list ends at a paragraph
    // that opens with no command verb; a lead-in that does not announce its items ("The
    // Secretary shall:") governs marked items only.
    let f = Found::new(
        "In the next four years, Government hopes to accomplish the following:\n\n\
         Consolidate the gains of security and peace building.\n\n\
         Ensure the total return of all internally displaced persons.\n\n\
         Sustainable working relationships between the three arms of government.\n\n\
         Review the budget every year.\n\n\
         The Secretary shall:\n\n\
         Review the plan.\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "Consolidate the gains of security and peace building.",
            "Ensure the total return of all internally displaced persons.",
            "The Secretary shall:"
        ]
    );
}

#[test]
fn a_speech_title_in_capitals_names_the_speaker_though_its_line_holds_two_sentences() {
    // A Plateau State governor's 2019 speech: "SPEECH BY HIS EXCELLENCY, RT. HON. (DR) SIMON
    // BAKO LALONG, ... JOS. WEDNESDAY 12TH JUNE 2019." was cut at "RT." (no abbreviation)
    // and, once whole, shared its line with the date: a speech's title was read only from
    // a sentence that fills its line.
    let f = Found::new(
        "SPEECH BY HIS EXCELLENCY, RT. HON. (DR) SIMON BAKO LALONG, THE EXECUTIVE GOVERNOR OF PLATEAU STATE, AT THE BANQUET HALL, JOS. WEDNESDAY 12TH JUNE 2019.\n\n\
         We must lay the foundation for growth.\n",
    );
    assert_eq!(f.speakers(), [Some("SIMON BAKO LALONG")]);
}

#[test]
fn an_item_whose_verb_follows_to_and_an_adverb_is_a_task() {
    // Executive Order 14076: under "(i) identifying potential actions:", "(A) to protect
    // and expand access ...; and" was a task and "(B) to otherwise protect and expand ..."
    // none, as "otherwise" was no adverb. A capitalized "To" opens a purpose, not a deed.
    let f = Found::new(
        "(a) The Secretary shall submit a report identifying potential actions:\n\
         (A) to protect and expand access to care; and\n\
         (B) to otherwise protect the full range of services.\n\
         (b) To help ensure that the program serves everyone:\n",
    );
    assert_eq!(f.sentences().len(), 3);
    assert!(f.sentences()[2].starts_with("(B) to otherwise protect"));
}

#[test]
fn an_aside_between_dashes_is_not_the_actor() {
    // Executive Order 14076: "Women seeking abortion care—especially those in low-income,
    // rural, and other underserved communities—now have to travel" named "now".
    let f = Found::new(
        "Applicants for the grant—especially those in rural, remote, and tribal areas—now have to file a new form.\n",
    );
    assert_eq!(f.actors(), [Some("Applicants for the grant")]);
}

#[test]
fn an_expectation_and_a_vision_direct_no_one() {
    // A Plateau State news item quoting an agency head (not in the corpus): "So that's the
    // ecosystem that we should be expecting to see in the next one or two years, where we
    // will have massive developer talents across the state" gave two tasks. A duty in the
    // same shapes still counts.
    let f = Found::new(
        "That is the growth we should be expecting to see next year, where we will have jobs for every graduate.\n\
         All staff should be receiving training this month.\n\
         We need a city where we will have to ration water.\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "All staff should be receiving training this month.",
            "We need a city where we will have to ration water."
        ]
    );
}

#[test]
fn a_subject_with_a_clause_of_its_own_keeps_it() {
    // Executive Order 13556 (not in the corpus): "each agency that originates or handles
    // CUI shall provide" named "originates or handles CUI", and "The mere fact that
    // information is designated as CUI shall not have a bearing" named "information is
    // designated as CUI". A trigger inside the clause keeps the clause's subject.
    let f = Found::new(
        "(a) Each agency that originates or handles such records shall provide a plan.\n\
         (b) The mere fact that a record is marked shall not have a bearing on its release.\n\
         These are the rules that agencies must follow.\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("Each agency that originates or handles such records"),
            Some("The mere fact that a record is marked"),
            Some("agencies")
        ]
    );
}

#[test]
fn a_trigger_that_opens_a_second_predicate_takes_the_first_ones_subject() {
    // Executive Order 13658 (not in the corpus): "This order is effective immediately and
    // shall apply to covered contracts" named "This order is effective immediately and".
    let f = Found::new(
        "(a) The plan is final and shall apply to every contract.\n\
         The Board may consult the public or shall publish its reasons.\n",
    );
    assert_eq!(f.actors(), [Some("The plan"), Some("The Board")]);
}

#[test]
fn a_long_subject_ends_before_its_participle_and_a_department_name_is_no_participle() {
    // Executive Order 13653 (not in the corpus): "Interagency groups charged with
    // coordinating ... shall" named no one, and in "the Departments of Defense, ...,
    // Housing and Urban Development, Transportation, ... shall" the list of parties began
    // after "Housing and Urban Development", read as a participle phrase.
    let f = Found::new(
        "(c) Interagency groups charged with coordinating and modernizing Federal processes related to the development and integration of infrastructure shall report to the Council.\n\
         (a) In support of local efforts, the Departments of Defense, Commerce, Housing and Urban Development, and Energy shall work together.\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("Interagency groups"),
            Some("the Departments of Defense, Commerce, Housing and Urban Development, and Energy")
        ]
    );
}

#[test]
fn it_is_vital_or_critical_that_a_party_act_and_an_event_with_a_name() {
    // Executive Order 13642 (not in the corpus): "It is vital that agencies not release
    // information ..." was no task, and "Within 30 days of the issuance of the Open Data
    // Policy" was cut after "the Open". "It is critical to note" is an aside.
    let f = Found::new(
        "It is vital that agencies not release information that would violate any law.\n\
         It is critical that the TIC Use Cases are kept current.\n\
         It is critical to note that the data are preliminary.\n\
         (a) Within 30 days of the issuance of the Open Data Policy, the CIO shall publish a repository.\n",
    );
    assert_eq!(
        f.actors(),
        [Some("agencies"), Some("the TIC Use Cases"), Some("the CIO")]
    );
    assert_eq!(
        f.deadlines(),
        [
            None,
            None,
            Some("Within 30 days of the issuance of the Open Data Policy")
        ]
    );
}

#[test]
fn a_time_limit_counted_from_a_named_agents_deed_keeps_the_deed() {
    // Executive Order 13658 (not in the corpus): "within 60 days of the Secretary issuing such
    // regulations" was cut after "the Secretary". The date of an order has no agent.
    let f = Found::new(
        "Within 60 days of the Secretary issuing such regulations, the Council shall issue rules.\n\
         Within 90 days of the date of this order, each agency shall report.\n",
    );
    assert_eq!(
        f.deadlines(),
        [
            Some("Within 60 days of the Secretary issuing such regulations"),
            Some("Within 90 days of the date of this order")
        ]
    );
}

#[test]
fn the_comma_of_a_number_splits_neither_subject_nor_action() {
    // Executive Order 13728 (not in the corpus): "above 5,000 gross square feet" cut the
    // subject to "own Federal buildings above 5" and the first action at "5".
    let f = Found::new(
        "(a) The heads of all agencies that own Federal buildings above 5,000 gross square feet \
         shall determine the process.\n\
         The heads of agencies shall complete an assessment of buildings above 5,000 gross \
         square feet and are strongly encouraged to consider creating a defensible space.\n",
    );
    assert_eq!(
        f.actors()[0],
        Some("The heads of all agencies that own Federal buildings above 5,000 gross square feet")
    );
    let second = &f.ex.tasks[1];
    assert_eq!(
        Some(second.action.of(&f.text)),
        Some("complete an assessment of buildings above 5,000 gross square feet")
    );
}

#[test]
fn a_predicate_joined_by_and_shares_the_party_of_the_one_before() {
    // Executive Order 13728 (not in the corpus): "... shall complete a wildfire risk
    // assessment ... and are strongly encouraged to consider ..." gave the second task no
    // actor. A new clause after "and" still names its own party.
    let f = Found::new(
        "The heads of agencies shall complete an assessment and are strongly encouraged to \
         consider creating a defensible space.\n\
         Each agency shall report, and the Council shall review the reports.\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("The heads of agencies"),
            Some("The heads of agencies"),
            Some("Each agency"),
            Some("the Council")
        ]
    );
}

#[test]
fn a_readout_in_the_past_tense_urges_and_decides() {
    // Written for the test, in the shape of translated State Council readouts: the passive
    // "were urged to" reports a directive, and "heard ... and decided to" a decision.
    let f = Found::new(
        "The meeting heard a report on flood prevention and decided to allocate funds for relief.\n\
         Local governments were urged to evacuate residents from dangerous areas.\n\
         The residents were happy to return home.\n",
    );
    assert_eq!(f.triggers(), ["decided", "were urged to"]);
    assert_eq!(f.actors(), [None, Some("Local governments")]);
}

#[test]
fn readout_warnings_and_passive_orders_in_the_perfect() {
    // Written for the test: "have been told to" orders, "will be dealt with severely" warns,
    // and what a body has done reports.
    let f = Found::new(
        "Local authorities have been told to step up patrols along the river banks.\n\
         Any attempt to cover up the facts will be dealt with severely.\n\
         The State Council has dispatched a working group to guide the rescue work.\n",
    );
    assert_eq!(f.triggers(), ["have been told to", "will"]);
    assert_eq!(f.actors(), [Some("Local authorities"), None]);
}
