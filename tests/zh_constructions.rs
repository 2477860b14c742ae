//! Chinese official writing, construction by construction (issue 3). Every sentence here is
//! written for the test, in the style of notices, plans, readouts and instructions.

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
        let doc = Document::from_text("t", text);
        Found {
            text: text.to_string(),
            ex: ex().extract(&doc),
        }
    }
    /// The cited sentence of each task.
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
    fn deadlines(&self) -> Vec<Option<&str>> {
        self.ex
            .tasks
            .iter()
            .map(|t| t.deadline.as_ref().map(|d| d.span.of(&self.text)))
            .collect()
    }
    fn modalities(&self) -> Vec<&str> {
        self.ex.tasks.iter().map(|t| t.modality.name()).collect()
    }
}

// Document structure.

#[test]
fn commands_in_a_task_section_are_directives_without_a_marker() {
    let f = Found::new(
        "二、主要任务\n（三）深入开展隐患排查整治。严格落实企业主体责任。完善应急预案体系。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "（三）深入开展隐患排查整治。",
            "严格落实企业主体责任。",
            "完善应急预案体系。"
        ]
    );
}

#[test]
fn a_verb_phrase_that_is_the_subject_of_a_copula_commands_nothing() {
    // "完善X，是Y的重要保证" says what X is for; the next sentence, a command, still counts.
    let f = Found::new(
        "二、主要任务\n完善应急预案体系，是防范重大风险的重要保证。加快推进隐患排查整治，确保不留死角。\n",
    );
    assert_eq!(f.sentences(), ["加快推进隐患排查整治，确保不留死角。"]);
}

#[test]
fn a_verb_jieba_joins_to_its_adverb_still_commands() {
    // jieba reads 充分发挥 and 大力发展 as one word each; the verb inside is still the command.
    let f = Found::new("三、重点工作任务\n充分发挥工会组织作用。大力发展绿色金融。\n");
    assert_eq!(
        f.sentences(),
        ["充分发挥工会组织作用。", "大力发展绿色金融。"]
    );
}

#[test]
fn an_opener_stops_at_the_next_title_of_a_collection() {
    // An anthology: the first piece issues rules ("规定如下"), the next is an essay. Its
    // sentences are not commands because the first piece had an opener.
    let f = Found::new(
        "关于建立报告制度\n从今年起，规定如下：\n（一）各局每两个月报送一次综合报告。\n\n\
         关于农业问题的谈话\n农业生产逐步发展起来。\n",
    );
    assert_eq!(f.sentences(), ["（一）各局每两个月报送一次综合报告。"]);
}

#[test]
fn a_duty_list_under_a_responsibility_heading_gives_one_task_per_duty() {
    let f = Found::new(
        "七、责任制清单\n1. 公司级 总经理\n1. 负责组织制定安全生产规章制度；\n\
         2. 发生事故后立即报告负责人；\n3. 法律、法规规定的其他安全生产职责。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "1. 负责组织制定安全生产规章制度；",
            "2. 发生事故后立即报告负责人；"
        ]
    );
}

#[test]
fn a_line_leading_into_a_list_is_not_a_title_that_closes_the_section() {
    // "今年要着重抓好以下……工作：" stands on its own line without a marker, like a title;
    // it must not close the task section around it.
    let f = Found::new(
        "政府工作报告\n二、2008年主要任务\n今年要着重抓好以下两个方面工作：\n\
         （一）加强农业基础建设\n加强多双边和区域经济合作。\n",
    );
    assert!(
        f.sentences().contains(&"加强多双边和区域经济合作。"),
        "{:?}",
        f.sentences()
    );
}

#[test]
fn a_numbered_heading_that_commands_opens_a_section_of_commands() {
    // A report's chapters are named by what they order; no 主要任务 in sight.
    let f = Found::new(
        "一、过去五年工作回顾\n（一）加强宏观调控\n全面开展隐患排查整治。\n\
         五、贯彻新发展理念，建设现代化经济体系\n深化医药卫生体制改革。\n",
    );
    // The review's commands report what was done; the chapter's are tasks, its heading too.
    assert_eq!(
        f.sentences(),
        [
            "五、贯彻新发展理念，建设现代化经济体系",
            "深化医药卫生体制改革。"
        ]
    );
}

#[test]
fn bare_titles_and_purpose_lines_are_not_directives() {
    let f = Found::new(
        "为加强安全生产工作，结合本市实际，制定本方案。\n一、总体要求\n二、主要任务\n三、保障措施\n",
    );
    assert_eq!(f.sentences(), Vec::<&str>::new());
}

#[test]
fn outside_a_task_section_commands_need_a_marker() {
    // A review section reports what was done: no task, even with command verbs in it.
    let f = Found::new("一、2023年工作回顾\n全面开展隐患排查整治，完善应急预案体系。\n");
    assert_eq!(f.sentences(), Vec::<&str>::new());
}

#[test]
fn a_goal_section_gives_commitments() {
    let f =
        Found::new("一、工作目标\n到2025年底，基本建成安全风险防控体系，重大事故隐患动态清零。\n");
    assert_eq!(f.modalities(), ["commitment"]);
}

// Enumerations.

#[test]
fn yishi_ershi_after_a_directive_lead_give_one_task_per_item() {
    let f = Found::new("会议要求，一是加强组织领导，二是压实工作责任，三是强化督促检查。");
    assert_eq!(
        f.sentences(),
        [
            "一是加强组织领导，",
            "二是压实工作责任，",
            "三是强化督促检查。"
        ]
    );
    assert!(f.speakers().iter().all(|s| *s == Some("会议")));
}

#[test]
fn yishi_items_after_a_directive_in_their_paragraph_go_on_with_it() {
    // A city's readout (not in the corpus): "会议强调，要……。一是实行……。二是推进……。" gave
    // only the lead sentence and the one item with a modal of its own. Items that state
    // facts still give nothing.
    let f = Found::new(
        "会议强调，要扎实推进社会信用体系建设。一是实行信用信息管理“一平台”。今年年底前，各区县要完成平台建设。二是推进政务诚信建设。三是加强企业信用管理。\n\
         会议指出，要认清形势。一是经济下行压力加大。二是风险隐患增多。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "会议强调，要扎实推进社会信用体系建设。",
            "一是实行信用信息管理“一平台”。",
            "今年年底前，各区县要完成平台建设。",
            "二是推进政务诚信建设。",
            "三是加强企业信用管理。",
            "会议指出，要认清形势。"
        ]
    );
}

#[test]
fn a_speaker_who_raises_points_on_a_matter_is_named_without_the_matter() {
    // Written for the test: "李强就贯彻落实会议精神提出三点要求：" named the speaker
    // "李强就贯彻落实会议精神提出三点"; "一律不得" gave an order and a prohibition.
    let f = Found::new(
        "李强就贯彻落实会议精神提出三点要求：一是提高政治站位；二是压实各方责任。\n各企业一律不得擅自恢复生产。\n",
    );
    assert_eq!(f.speakers(), [Some("李强"), Some("李强"), Some("李强")]);
    assert_eq!(f.modalities(), ["obligation", "obligation", "prohibition"]);
}

#[test]
fn a_rule_that_orders_accountability_by_law_binds_and_a_report_of_it_does_not() {
    // Written for the test: a notice's rule without a modal, and two reports of the deed.
    let f = Found::new(
        "对瞒报谎报事故的，一经查实，依法依规严肃追究责任。\n事故发生后，已依法追究相关人员责任。\n有关部门依法追究了三名责任人的责任。\n",
    );
    assert_eq!(
        f.sentences(),
        ["对瞒报谎报事故的，一经查实，依法依规严肃追究责任。"]
    );
    assert_eq!(f.modalities(), ["obligation"]);
}

#[test]
fn yiyao_eryao_give_one_task_per_item() {
    let f = Found::new("李明强调，一要提高政治站位，二要狠抓工作落实。");
    assert_eq!(f.sentences(), ["一要提高政治站位，", "二要狠抓工作落实。"]);
    assert_eq!(f.speakers(), [Some("李明"), Some("李明")]);
}

#[test]
fn diyi_dier_and_shouxian_qici_open_items() {
    let f = Found::new(
        "第一，要统一思想认识。第二，要压实工作责任。首先，要摸清底数。其次，要建立台账。",
    );
    assert_eq!(f.ex.tasks.len(), 4);
    let f = Found::new("各地要做到以下几点：\n（一）加强值班值守。\n（二）开展隐患排查。\n");
    assert_eq!(
        f.sentences(),
        [
            "各地要做到以下几点：",
            "（一）加强值班值守。",
            "（二）开展隐患排查。"
        ]
    );
}

#[test]
fn numbered_items_of_every_style_are_cited_on_their_own() {
    let f = Found::new("二、重点工作\n1.加强领导。\n（1）建立台账。\n①明确责任。\n2、完善制度。\n");
    assert_eq!(
        f.sentences(),
        [
            "1.加强领导。",
            "（1）建立台账。",
            "①明确责任。",
            "2、完善制度。"
        ]
    );
}

// Actors.

#[test]
fn the_actor_is_the_subject_before_the_trigger() {
    let f = Found::new("各级党委和政府要切实担负起领导责任。企业主要负责人必须亲自部署。");
    assert_eq!(f.actors(), [Some("各级党委和政府"), Some("企业主要负责人")]);
}

#[test]
fn the_actor_is_null_when_none_is_written() {
    let f = Found::new("对排查发现的问题，要立即整改。");
    assert_eq!(f.actors(), [None]);
}

#[test]
fn attributions_name_the_actor() {
    let f = Found::new("由市应急管理局负责组织实施。");
    assert_eq!(f.actors(), [Some("市应急管理局")]);
    let f = Found::new("市发展改革委牵头，各有关部门配合。");
    assert_eq!(f.actors(), [Some("市发展改革委")]);
    let f = Found::new(
        "全面排查整治燃气安全隐患（牵头单位：市住房城乡建设局；责任单位：各区县政府）。",
    );
    assert_eq!(f.actors(), [Some("市住房城乡建设局")]);
}

#[test]
fn the_actor_is_never_the_speaker() {
    let f = Found::new("会议要求各地区加强值班值守。");
    assert_eq!(f.speakers(), [Some("会议")]);
    assert_eq!(f.actors(), [Some("各地区")]);
}

// Speakers.

#[test]
fn speakers_are_introduced_and_carried_forward() {
    let f = Found::new("王明指出，安全生产责任重大。各单位要高度重视。会议强调，要压实责任。他要求，各地要加强督查。");
    assert_eq!(f.speakers(), [Some("王明"), Some("会议"), Some("王明")]);
}

#[test]
fn a_notice_speaks_for_its_issuing_body() {
    let f = Found::new(
        "关于做好防汛工作的通知\n各单位要加强值守。\n\n某某县人民政府办公室\n2024年6月1日\n",
    );
    assert_eq!(f.speakers(), [Some("某某县人民政府办公室")]);
    let f = Found::new("某某市应急管理局文件\n关于做好防汛工作的通知\n各单位要加强值守。\n");
    assert_eq!(f.speakers(), [Some("某某市应急管理局")]);
}

#[test]
fn a_leaders_instruction_names_the_leader() {
    let f = Found::new("李明对防汛救灾工作作出重要指示强调，各地要全力做好抢险救援。");
    assert_eq!(f.speakers(), [Some("李明")]);
    assert_eq!(f.actors(), [Some("各地")]);
}

// Deadlines.

#[test]
fn deadline_words_are_cited() {
    for (text, want) in [
        ("2024年底前，要完成全部改造。", "2024年底前"),
        ("各地要在6月底前报送材料。", "6月底前"),
        ("年内要全面完成。", "年内"),
        ("每季度要开展一次检查。", "每季度"),
        ("自4月8日起，要组织专项检查。", "自4月8日起"),
        ("要立即开展全覆盖自查。", "立即"),
        ("对发现的问题要限期整改。", "限期"),
    ] {
        assert_eq!(Found::new(text).deadlines(), [Some(want)], "{text}");
    }
}

#[test]
fn deadlines_normalize_against_the_document_date() {
    let text = "各单位要在6月底前报送材料。\n\n某某市应急管理局\n2024年5月20日\n";
    let f = Found::new(text);
    let d = f.ex.tasks[0].deadline.as_ref().unwrap();
    assert_eq!(
        d.normalized.due.map(|d| d.to_string()).as_deref(),
        Some("2024-06-30")
    );
    // Without the document's date the month has no year: no guess.
    let f = Found::new("各单位要在6月底前报送材料。");
    assert_eq!(
        f.ex.tasks[0].deadline.as_ref().unwrap().normalized.due,
        None
    );
}

// Traditional script.

#[test]
fn traditional_characters_work_the_same_and_cite_the_original() {
    let text =
        "各單位必須嚴格執行規定，應當建立台賬。嚴禁瞞報謊報。不得擅自變更。確保各項任務按期完成。";
    let f = Found::new(text);
    let triggers: Vec<&str> = f.ex.tasks.iter().map(|t| t.trigger.of(text)).collect();
    assert_eq!(triggers, ["必須", "嚴禁", "不得", "確保"]);
    assert_eq!(
        f.modalities(),
        ["obligation", "prohibition", "prohibition", "obligation"]
    );
    assert_eq!(f.actors()[0], Some("各單位"));
}

// Typesetting.

#[test]
fn half_width_punctuation_works_as_chinese_punctuation() {
    let f = Found::new("会议强调,各地区各部门要加强领导;各单位要落实责任.");
    assert_eq!(f.actors(), [Some("各地区各部门"), Some("各单位")]);
    let f = Found::new("全面排查整治隐患(牵头单位:市应急管理局).");
    assert_eq!(f.actors(), [Some("市应急管理局")]);
}

#[test]
fn full_width_and_stray_spaces_inside_words_do_not_break_triggers() {
    let text = "各地区　各部门要加 强 领导，务 必落实责任。";
    let f = Found::new(text);
    assert_eq!(f.ex.tasks.len(), 1);
    let t = &f.ex.tasks[0];
    assert_eq!(t.actor.map(|a| a.of(text)), Some("各地区　各部门"));
}

#[test]
fn hard_wrapped_lines_join_into_one_sentence() {
    // Lines broken every twenty characters, as in text taken from a PDF, with a page number.
    let body = "各地区各部门必须把安全生产摆在更加突出的位置。各级党委和政府要切实担负起领导责任，坚决遏制重特大事故发生。企业主要负责人必须亲自部署隐患排查整治工作。对排查发现的问题要限期整改到位。各单位要建立健全隐患排查治理长效机制，确保整改到位。";
    let chars: Vec<char> = body.repeat(2).chars().collect();
    let mut text = String::new();
    for (k, line) in chars.chunks(20).enumerate() {
        text.extend(line);
        text.push('\n');
        if k == 3 {
            text.push_str("12\n\n");
        }
    }
    let f = Found::new(&text);
    let cited: Vec<String> = f
        .sentences()
        .iter()
        .map(|s| s.replace(['\n', '1', '2'], ""))
        .collect();
    let once = [
        "各地区各部门必须把安全生产摆在更加突出的位置。",
        "各级党委和政府要切实担负起领导责任，坚决遏制重特大事故发生。",
        "企业主要负责人必须亲自部署隐患排查整治工作。",
        "对排查发现的问题要限期整改到位。",
        "各单位要建立健全隐患排查治理长效机制，确保整改到位。",
    ];
    assert_eq!(cited, [once, once].concat());
    assert!(
        f.sentences().iter().any(|s| s.contains("\n")),
        "a cited sentence runs across a line break"
    );
}

#[test]
fn hard_wrapped_body_is_joined_even_when_its_notes_are_wrapped_wider() {
    // A body wrapped at 20 characters, then fewer lines of notes wrapped at 45: the body's
    // lines must still count as wrapped, though they are much shorter than the notes'.
    let body = "各地区各部门必须把安全生产摆在更加突出的位置。各级党委和政府要切实担负起领导责任，坚决遏制重特大事故发生。企业主要负责人必须亲自部署隐患排查整治工作。";
    let note = "〔1〕本文是为中央起草的指示，原载于当年的文件汇编，收入本书时作者作了个别文字上的修改，并对有关史实加了注释，以便读者查考和研究之用。";
    let mut text = String::new();
    for line in body.repeat(2).chars().collect::<Vec<_>>().chunks(20) {
        text.extend(line);
        text.push('\n');
    }
    text.push_str("注释\n");
    for _ in 0..3 {
        for line in note.chars().collect::<Vec<_>>().chunks(45) {
            text.extend(line);
            text.push('\n');
        }
    }
    let f = Found::new(&text);
    let cited: Vec<String> = f.sentences().iter().map(|s| s.replace('\n', "")).collect();
    assert_eq!(
        cited[..3],
        [
            "各地区各部门必须把安全生产摆在更加突出的位置。",
            "各级党委和政府要切实担负起领导责任，坚决遏制重特大事故发生。",
            "企业主要负责人必须亲自部署隐患排查整治工作。",
        ]
    );
}

#[test]
fn a_notice_lead_line_and_a_speakers_aside_direct_no_one() {
    // The lead line gave three tasks (将至, 切实, 现将) and lent "commitment" to the items;
    // "将进入主汛期" is the calendar, not a commitment.
    let f = Found::new(
        "近期我市将进入主汛期。春节将至，为切实做好节日期间安全防范工作，现将有关事项通知如下：\n一、提高思想认识。\n二、各单位要于1月20日前完成自查。\n",
    );
    assert_eq!(
        f.sentences(),
        ["一、提高思想认识。", "二、各单位要于1月20日前完成自查。"]
    );
    assert_eq!(f.modalities(), ["obligation", "obligation"]);
    // In a speech, "必须看到，" and "应该看到，" only open a statement.
    let f = Found::new(
        "同志们，必须看到，我们的工作还存在不少困难。应该看到，现在就业潜力不小，各地要大力开辟就业门路。\n",
    );
    assert_eq!(
        f.sentences(),
        ["应该看到，现在就业潜力不小，各地要大力开辟就业门路。"]
    );
}

#[test]
fn markers_that_jieba_keeps_whole_still_direct() {
    // jieba keeps 还要 and 就要 whole, so the 要 inside never counted; 切忌, 力戒 and 不宜
    // were missing.
    let f = Found::new(
        "出口产品除符合国际标准外，还要符合进口国标准。\n发现隐患就要立即整改。\n会议就要结束了。\n三者缺一，就要吃亏。\n切忌搞形式主义。\n力戒形式主义、官僚主义。\n雨雪天气不宜进行高处作业。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "出口产品除符合国际标准外，还要符合进口国标准。",
            "发现隐患就要立即整改。",
            "切忌搞形式主义。",
            "力戒形式主义、官僚主义。",
            "雨雪天气不宜进行高处作业。",
        ]
    );
    assert_eq!(
        f.modalities(),
        [
            "obligation",
            "obligation",
            "prohibition",
            "prohibition",
            "prohibition"
        ]
    );
}

#[test]
fn the_party_asked_by_qing_and_the_party_before_dui() {
    let f = Found::new(
        "请各单位认真贯彻落实。\n现在，我代表国务院向大会报告工作，请予审议，并请全国政协各位委员提出意见。\n各省市对于这件事要立即着手订计划。\n让我们携起手来，共同建设美好家园。\n",
    );
    // 请 named no party; "X对于Y要" named "X对于这件事"; 让我们 gave no task.
    assert_eq!(
        f.actors(),
        [
            Some("各单位"),
            Some("全国政协各位委员"),
            Some("各省市"),
            None
        ]
    );
    assert_eq!(f.sentences()[3], "让我们携起手来，共同建设美好家园。");
}

#[test]
fn in_a_task_section_a_verb_after_de_is_a_noun_and_zhengzai_reports() {
    let f = Found::new(
        "二、主要任务\n（一）每年度向职工代表大会报告安全生产情况，接受从业人员对安全生产工作的监督；\n（二）各项准备工作正在积极有序地进行。\n（三）积极进行国防工业的调整和改革。\n",
    );
    // The first item's command was 监督, a noun after 的; the second reports what is under
    // way; 进行 commands in the third.
    let triggers: Vec<&str> = f.ex.tasks.iter().map(|t| t.trigger.of(&f.text)).collect();
    assert_eq!(triggers, ["报告", "进行"]);
}

#[test]
fn a_marker_that_jieba_cuts_short_falls_back_to_the_shorter_marker() {
    // jieba reads 决不能够 as 决不 | 能够, so the longest phrase 决不能 ends inside a word;
    // the automaton had reported only that one, and the prohibition was lost. Likewise a
    // trigger that starts inside the reported one: 须 in 任务须 (务须), 应当 in 真理应当
    // (理应).
    let f = Found::new(
        "我们决不能够轻视这些困难。\n对违法行为决不能姑息。\n组织任务须服从于政治任务。\n真理应当属于人民。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "我们决不能够轻视这些困难。",
            "对违法行为决不能姑息。",
            "组织任务须服从于政治任务。",
            "真理应当属于人民。"
        ]
    );
    assert_eq!(
        f.modalities(),
        ["prohibition", "prohibition", "obligation", "obligation"]
    );
    assert_eq!(f.actors()[..2], [Some("我们"), None]);
}

#[test]
fn jiang_before_a_copula_a_comparison_or_a_figure_forecasts() {
    // 将是 (will be), 将比 (will be more than), 将占/将达 + a figure, 将因 (will, because
    // of) and 将在……日益 (will increasingly) describe what is to come; 将 + a deed is a
    // commitment, and 将是： opens a list of planned work.
    let f = Found::new(
        "明年将是最困难的一年。\n全国公路的通车里程今年将达十四万多公里。\n私营工业的比重将只占百分之二十九左右。\n今后的增长将比过去更快。\n敌人将在人民面前日益孤立。\n队伍将因为分清了界限而更加壮大。\n政府将增加财政投入。\n新政府的工作重点将是：恢复和发展国民经济。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "政府将增加财政投入。",
            "新政府的工作重点将是：恢复和发展国民经济。"
        ]
    );
    assert_eq!(f.modalities(), ["commitment", "commitment"]);
}

#[test]
fn a_report_on_the_past_five_years_is_a_background_section() {
    // 一、过去五年的工作 names no 回顾, so its account of what was done read as commands.
    let f = Found::new(
        "一、过去五年的工作\n坚定不移贯彻新发展理念，坚决端正发展观念。\n二、今后的主要任务\n坚决打好污染防治攻坚战。\n",
    );
    assert_eq!(f.sentences(), ["坚决打好污染防治攻坚战。"]);
}

#[test]
fn in_a_task_section_adverbs_before_the_verb_and_deeds_named_as_subjects() {
    // 优先发展 and 普遍推广 are one jieba word each (adverb + verb); 全部 is an adverb, no
    // party; "……的优先发展" is a noun; a chain of deeds before "，是" names a principle.
    let f = Found::new(
        "三、主要任务\n（一）优先发展农村教育事业。\n全面推开公立医院综合改革，全部取消药品加成。\n保证安全生产投入的有效实施。\n统筹发展和安全，增强忧患意识，是治国理政的一个重大原则。\n重工业的优先发展是经济实力的基础。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "（一）优先发展农村教育事业。",
            "全面推开公立医院综合改革，全部取消药品加成。",
            "保证安全生产投入的有效实施。",
        ]
    );
    assert_eq!(f.actors(), [None, None, None]);
}

#[test]
fn should_not_is_a_prohibition_and_yingyou_is_should_have_only_before_a_deed() {
    // 不应 was read as 应 (an obligation); 应有 was inside a word for jieba, and 务须, 应予
    // and 务使 were missed the same way.
    let f = Found::new(
        "各单位不应擅自变更设计。\n在我们队伍中不应有它的位置。\n对中小地主应有适当的照顾。\n各单位务须按时完成整改。\n对违法行为应予严肃处理。\n务使每户农民都能获得土地。\n这是他应有的权利。\n充分发挥应有作用。\n农民工的辛勤付出得不到应有回报。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "各单位不应擅自变更设计。",
            "在我们队伍中不应有它的位置。",
            "对中小地主应有适当的照顾。",
            "各单位务须按时完成整改。",
            "对违法行为应予严肃处理。",
            "务使每户农民都能获得土地。",
        ]
    );
    assert_eq!(
        f.modalities(),
        [
            "prohibition",
            "prohibition",
            "obligation",
            "obligation",
            "obligation",
            "obligation"
        ]
    );
}

#[test]
fn a_party_after_de_and_a_preposition_is_an_object_not_the_actor() {
    // "……不合格的对责任部门、责任人员进行约谈": a topic (……的), then the object of 对.
    let f = Found::new(
        "三、考核要求\n一年度内有两次判定为不合格的对责任部门、责任人员进行约谈。\n各部门的对口单位要及时报告。\n",
    );
    assert_eq!(f.actors(), [None, Some("各部门的对口单位")]);
}

#[test]
fn in_a_task_section_a_deed_before_a_copula_is_a_subject() {
    // "治理有效是基础", "建设生态文明是千年大计" say what a deed is; 特别是 is an adverb.
    let f = Found::new(
        "三、重点任务\n乡村振兴，治理有效是基础。\n建设生态文明是中华民族永续发展的千年大计。\n加大对发展中国家特别是最不发达国家援助力度。\n",
    );
    assert_eq!(
        f.sentences(),
        ["加大对发展中国家特别是最不发达国家援助力度。"]
    );
    assert_eq!(f.ex.tasks[0].trigger.of(&f.text), "加大");
}

#[test]
fn a_readouts_numbered_demands_name_the_party_of_a_later_trigger() {
    // "一要压实责任，各级领导干部必须在岗在位": one task for the run of obligations named no
    // party; "并将结果报市政府": 将 marks the object (= 把), no commitment.
    let f = Found::new(
        "会议强调，一要压实责任，各级领导干部必须在岗在位。二要加强监测预警，气象、水利部门要密切会商研判。\n张明要求，市应急管理局于12月10日前完成排查，并将结果报市政府。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("各级领导干部"),
            Some("气象、水利部门"),
            Some("市应急管理局")
        ]
    );
    assert_eq!(f.modalities(), ["obligation", "obligation", "obligation"]);
}

#[test]
fn a_policy_after_the_situation_in_a_heading_is_no_background() {
    // "国际形势和我国对外政策" opened a background section for 形势, so the policy's
    // commitments ("我们坚决支持……") were dropped as reports of what was done.
    let f = Found::new(
        "一、国际形势\n我们坚决支持各国人民的正义斗争。\n二、国际形势和我国对外政策\n我们坚决支持发展中国家的正义斗争。\n",
    );
    assert_eq!(f.sentences(), ["我们坚决支持发展中国家的正义斗争。"]);
}

#[test]
fn bound_to_happen_is_no_duty() {
    // "注定要失败", "必然要遇到": what is bound to happen; "必然要求" keeps no 要 either.
    let f = Found::new(
        "分裂图谋是注定要失败的。\n我们既然是在开始学习，必然要遇到许多困难。\n各单位要加强学习。\n",
    );
    assert_eq!(f.sentences(), ["各单位要加强学习。"]);
}

#[test]
fn after_an_object_trigger_a_verb_or_an_adverb_opens_the_deed() {
    // "请及时报告市政府": 及 was skipped as a conjunction and 报告 as a verb, so the object
    // of 报告 became the party (时报告市政府). Only pivot verbs (鼓励、引导企业) are passed
    // over; after any other verb, the party-looking words are its object.
    let f = Found::new(
        "发现的重大问题，请及时报告市政府。\n严禁成立临时指挥部。\n鼓励、引导企业增加投入。\n请各区县认真贯彻执行。\n",
    );
    assert_eq!(f.actors(), [None, None, Some("企业"), Some("各区县")]);
}

#[test]
fn a_spokespersons_invitations_visits_and_asides_are_no_tasks() {
    // "应X邀请" is "at the invitation of", "将于……访问" schedules a visit, "需要强调的是，"
    // is an aside; "菲方应当……" binds a side of diplomatic speech, named as the actor.
    let f = Found::new(
        "应国务院总理邀请，新西兰总理将于11月下旬对中国进行正式访问。\n需要强调的是，该岛是中国固有领土。\n菲方应当停止一切侵权挑衅行为。\n我们敦促美方立即纠正错误做法。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "菲方应当停止一切侵权挑衅行为。",
            "我们敦促美方立即纠正错误做法。"
        ]
    );
    assert_eq!(f.actors(), [Some("菲方"), Some("美方")]);
}

#[test]
fn a_speech_asides_and_where_the_key_lies_are_no_tasks() {
    // "但是我们也要看到，" is an aside though a conjunction opens it; "关键在于落实" says
    // where the key lies, in a task section too.
    let f = Found::new(
        "一、主要任务\n但是我们也要看到，一些领域风险隐患仍然突出。\n安全生产工作，关键在于责任落实。\n住建部门要加强对在建工地的巡查。\n",
    );
    assert_eq!(f.sentences(), ["住建部门要加强对在建工地的巡查。"]);
}

#[test]
fn in_a_task_section_a_degree_or_a_trend_describes() {
    // "风险隐患仍然突出", "生产能力日益提高": 突出 and 提高 are command verbs, but after a
    // word of degree or trend they describe.
    let f = Found::new(
        "二、主要任务\n一些领域风险隐患仍然突出。\n机床设备的生产能力日益提高。\n突出抓好重点领域整治。\n",
    );
    assert_eq!(f.sentences(), ["突出抓好重点领域整治。"]);
}

#[test]
fn a_meeting_decides_after_passing_a_bill() {
    // "会议审议通过《……》，决定提请……审议": the decision follows the bill it passed.
    let f = Found::new(
        "会议审议通过《城市供水条例（草案）》，决定提请全国人大常委会审议。\n会议认为，今年确定的目标任务已基本完成。\n",
    );
    assert_eq!(
        f.sentences(),
        ["会议审议通过《城市供水条例（草案）》，决定提请全国人大常委会审议。"]
    );
}

#[test]
fn a_notice_to_the_public_names_the_public() {
    // Written for the test in traditional characters: "政府呼籲市民……" is an appeal with
    // 市民 as the party; 市民 and 僱主 are parties before 切勿 and 應; "各方發出的呼籲" is
    // a noun.
    let f = Found::new(
        "政府呼籲市民做好防風措施。\n他強調，市民切勿在惡劣天氣下進行水上活動。\n僱主應靈活處理僱員上班安排。\n我們高度重視各方發出的呼籲。\n",
    );
    assert_eq!(f.actors(), [Some("市民"), Some("市民"), Some("僱主")]);
    assert_eq!(
        f.modalities(),
        ["recommendation", "prohibition", "obligation"]
    );
}

#[test]
fn a_regulations_articles_assign_duties() {
    // Written for the test: under a title that names a body of rules, "X负责Y" assigns a
    // duty; "第一条 为了……，制定本条例。" states a purpose.
    let f = Found::new(
        "某某市城市供水管理条例\n\n第一条 为了加强城市供水管理，根据有关法律，制定本条例。\n\n第三条 市水务主管部门负责全市城市供水的监督管理工作。\n\n第十一条 任何单位和个人不得擅自拆除城市公共供水设施。\n",
    );
    assert_eq!(f.actors(), [Some("市水务主管部门"), Some("任何单位和个人")]);
    assert_eq!(f.modalities(), ["obligation", "prohibition"]);
}

#[test]
fn a_verb_and_its_object_before_a_modal_are_no_party() {
    // "监督经营单位要……": a deed before the modal, not who acts; a verb glued to a party
    // word names one (检查组, 管理人员).
    let f = Found::new(
        "监督经营单位要严格遵守各项制度。\n检查组要及时反馈问题。\n管理人员要加强巡查。\n",
    );
    assert_eq!(f.actors(), [None, Some("检查组"), Some("管理人员")]);
}

#[test]
fn an_outgoing_governments_proposals_are_its_tasks() {
    // Written for the test: "对今年政府工作的建议" heads the tasks of a report given by a
    // government at the end of its term; a run-in heading and bare commands under it are
    // directives, a sentence of description is not.
    let f = Found::new(
        "三、对今年政府工作的建议\n\n（一）加快发展现代农业，促进农民持续增收。粮食生产连续多年增产。\n\n加强农田水利建设。这是保障粮食生产，增加农民收入的重要基础。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "（一）加快发展现代农业，促进农民持续增收。",
            "加强农田水利建设。"
        ]
    );
}

#[test]
fn descriptions_in_a_task_section_command_nothing() {
    // Written for the test: a copula before a list joined by 、, a deed after 在 (an
    // adverbial), "不可低估" judging its subject, and 需要 as a noun in "物质文化需要" give
    // no task; the bare command does.
    let f = Found::new(
        "二、主要任务\n关键在于选准方向、优化结构。\n在促进消费中的作用日益显现。\n投资的拉动作用不可低估。\n群众的物质文化需要同供给之间还有差距。\n优化投资结构。\n",
    );
    assert_eq!(f.sentences(), ["优化投资结构。"]);
}

#[test]
fn a_body_of_rules_titled_zhidu_lists_duties() {
    // Written for the test: under a title ending with 制度, numbered items that open with a
    // command verb are duties; "一、值班参加人员" names a topic, "适用范围" whom the rules
    // bind, and 全年 in "全年不得少于12次" is a time, not a party.
    let f = Found::new(
        "安全生产值班制度\n一、值班参加人员\n1、各部门负责人。\n二、适用范围\n泰山旅游发展集团各部门、各岗位人员。\n三、值班内容\n1、传达和学习上级有关安全生产的会议精神。\n2、值班检查每月开展一次，全年不得少于12次。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "1、传达和学习上级有关安全生产的会议精神。",
            "2、值班检查每月开展一次，全年不得少于12次。"
        ]
    );
    assert_eq!(f.actors(), [None, None]);
}

#[test]
fn a_notices_title_orders_nothing() {
    // Written for the test: 切实 in the title "关于切实做好……的通知" names the notice; the
    // same words in its body command.
    let f = Found::new(
        "关于切实做好汛期安全防范工作的通知\n\n各部门：\n\n各部门要切实做好汛期安全防范工作。\n",
    );
    assert_eq!(f.sentences(), ["各部门要切实做好汛期安全防范工作。"]);
}

#[test]
fn a_party_as_topic_before_a_comma_is_the_actor() {
    // Written for the test: "X，要……" names X when X opens the sentence and is a party and
    // nothing else; an adverbial, a deed or a later clause before the comma names no one.
    let f = Found::new(
        "各县区应急管理部门，要立即开展检查。\n对重点企业，要逐一检查。\n大力培养年轻干部，要注重实绩。\n会议强调，要加强值守，要关心基层干部，要及时报告。\n",
    );
    assert_eq!(f.actors(), [Some("各县区应急管理部门"), None, None, None]);
}

#[test]
fn a_time_word_after_the_speakers_name_is_not_part_of_it() {
    // Written for the test: 最近, 此前, 多次 between the name and 指出 say when or how often.
    let f = Found::new("李明同志最近指出，要加强值守。\n王华多次强调，要及时报告。\n");
    assert_eq!(f.speakers(), [Some("李明"), Some("王华")]);
}

#[test]
fn a_companys_grid_units_are_parties() {
    // Written for the test: 网格 (a unit of grid management) ends a party.
    let f = Found::new("请各部门、各店铺、各网格做好自查。\n网格员所在网格要加强巡查。\n");
    assert_eq!(
        f.actors(),
        [Some("各部门、各店铺、各网格"), Some("网格员所在网格")]
    );
}

#[test]
fn a_heading_that_ends_with_its_verb_names_a_topic() {
    // Written for the test: "年终考核" and "隐患排查整治" name deeds as topics; a command
    // puts its verb first, perhaps after an adverb ("快速抓好问题整改").
    let f = Found::new(
        "二、主要任务\n（一）年终考核\n（二）快速抓好问题整改\n（三）隐患排查整治\n（四）排查整治隐患\n",
    );
    assert_eq!(
        f.sentences(),
        ["（二）快速抓好问题整改", "（四）排查整治隐患"]
    );
}

#[test]
fn a_forecast_of_where_things_will_stand_is_no_commitment() {
    // 将处在 / 将处于: "will be in"; the duty before it stays.
    let f = Found::new(
        "但是，必须看到人口问题十分严峻，今后几年我国将处在人口出生的高峰。\n明年将举办运动会。\n",
    );
    assert_eq!(f.modalities(), ["obligation", "commitment"]);
    assert_eq!(f.sentences()[1], "明年将举办运动会。");
}

#[test]
fn a_document_that_opens_the_sentence_is_what_the_sentence_describes() {
    // Written for the test: in a task section, a sentence whose subject is a plan in 《》
    // says what the plan does; a duty it reports still counts through its own trigger.
    let f = Found::new(
        "二、主要任务\n《规划》把发展县域经济放在首位。\n《规划》提出，要加快发展县域经济。\n加快发展县域经济。\n",
    );
    assert_eq!(
        f.sentences(),
        ["《规划》提出，要加快发展县域经济。", "加快发展县域经济。"]
    );
}

#[test]
fn an_adverb_between_zai_and_the_verb_keeps_the_deed_an_adverbials() {
    // Written for the test: 在 before an adverb and a verb marks what was under way (在认真
    // 部署), as 在 right before the verb does; the rest of a clause after 事关 or 有利于 is
    // what something concerns or serves.
    let f = Found::new(
        "二、主要任务\n去年各地就在认真部署这项改革。\n这项工作事关全面加强基层治理。\n各地要积极推进这项改革。\n",
    );
    assert_eq!(f.sentences(), ["各地要积极推进这项改革。"]);
}

#[test]
fn a_clause_that_ends_with_a_degree_and_an_adjective_describes() {
    // Written for the test: "……的任务十分繁重" judges the task; the verbs before the degree
    // word are in the subject.
    let f =
        Found::new("二、主要任务\n今年改革发展稳定的任务十分繁重。\n要统筹推进改革发展稳定。\n");
    assert_eq!(f.sentences(), ["要统筹推进改革发展稳定。"]);
}

#[test]
fn an_item_whose_last_verb_an_adverb_leads_is_a_command() {
    // Written for the test: "发现隐患及时上报" ends with its verb but is no topic; the
    // adverb before the verb (及时, 定期) makes the item a command.
    let f = Found::new(
        "现就有关事项通知如下：\n一、消防安全\n1. 定期检查消防设施\n2. 发现隐患及时报告\n3. 发现隐患及时上报\n4. 隐患排查整治\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "1. 定期检查消防设施",
            "2. 发现隐患及时报告",
            "3. 发现隐患及时上报"
        ]
    );
}

#[test]
fn a_year_in_review_and_a_possibility_are_no_commands() {
    // Written for the test: jieba keeps 一年来 whole, so the past word 年来 inside it was
    // never found; 不可能 judges what cannot happen.
    let f = Found::new(
        "二、主要任务\n一年来，各地行政审批制度改革和建设取得新进展。\n没有先进的技术，就不可能完成改造任务。\n加快完成改造任务。\n",
    );
    assert_eq!(f.sentences(), ["加快完成改造任务。"]);
}

#[test]
fn items_under_a_lead_in_that_reports_work_done_report_too() {
    // Written for the test: "……做了以下工作：" reports what was done, and its items with it,
    // whether a review heading stands above it or not; a lead-in of tasks still governs.
    let review = "一、去年工作回顾\n去年，我们主要做了以下工作：\n一是着力推进简政放权，加大审批改革力度。\n二是扩大有效投资。\n二、今年重点工作\n今年要做好以下工作：\n一是着力推进简政放权。\n二是扩大有效投资。\n";
    let f = Found::new(review);
    assert_eq!(
        f.sentences(),
        [
            "今年要做好以下工作：",
            "一是着力推进简政放权。",
            "二是扩大有效投资。"
        ]
    );
    let bare = Found::new("去年，我们主要做了以下工作：\n一是着力推进简政放权，加大审批改革力度。\n二是扩大有效投资。\n");
    assert!(bare.sentences().is_empty(), "{:?}", bare.sentences());
}

#[test]
fn an_aside_that_says_here_what_to_explain_orders_nothing() {
    // Written for the test: "这里要着重说明，" and "应该着重指出，" open the speaker's own
    // explanation; 外需 (external demand, which jieba splits) holds no 需 of duty.
    let f = Found::new(
        "这里要着重说明，今年的增长目标略有调低。\n应该着重指出，这种看法是片面的。\n外需对增长的拉动有所减弱。\n各地要着重说明调整的理由。\n",
    );
    assert_eq!(f.sentences(), ["各地要着重说明调整的理由。"]);
}

#[test]
fn a_relation_verb_governs_a_list_joined_by_dun() {
    // Written for the test: after 有利于 the whole list "稳定预期、调整结构" is what the
    // measure serves; 坚信 opens what the speaker is sure of.
    let f = Found::new(
        "二、主要任务\n这项改革有利于稳定预期、调整结构。\n我们坚信，坚持改革开放，前景一定更好。\n各地要调整产业结构。\n",
    );
    assert_eq!(f.sentences(), ["各地要调整产业结构。"]);
}

#[test]
fn a_paragraph_that_opens_with_the_past_reports_to_its_end() {
    // Written for the test: after "过去一年，……", the sentences of the same paragraph go on
    // reporting ("改革稳步推进"), though a modal still orders; the next paragraph is read
    // afresh.
    let f = Found::new(
        "二、主要任务\n过去一年，全省经济平稳运行。农村改革稳步推进，基层治理继续加强。今后要加快推进农村改革。\n加强基层治理。\n",
    );
    assert_eq!(
        f.sentences(),
        ["今后要加快推进农村改革。", "加强基层治理。"]
    );
}

#[test]
fn a_past_word_before_de_does_not_make_a_lead_in_a_report() {
    // Written for the test: "多年来的实践" modifies a noun; the lead-in still governs its
    // items. 多年来 opening a sentence reports (jieba splits it, so the row names it whole).
    let f = Found::new(
        "根据多年来的实践经验，现对有关工作作如下安排：\n一、加强基层管理。\n二、健全考核制度。\n多年来，两地的交流有很大发展。\n",
    );
    assert_eq!(f.sentences(), ["一、加强基层管理。", "二、健全考核制度。"]);
}

#[test]
fn ministries_banks_and_headquarters_are_parties() {
    // Written for the test: 部 alone ends 内部, 南部, 部分, so ministries are named by their
    // last words (财政部, 应急管理部); banks and 防总 are parties; 将 after 决定 marks an
    // object (决定将草案提请……), no commitment.
    let f = Found::new(
        "财政部要及时下拨救灾资金。\n国家防总要加强统筹协调。\n国有大型银行要率先做到。\n内部要团结。\n会议决定将草案提请审议。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("财政部"),
            Some("国家防总"),
            Some("国有大型银行"),
            None,
            None
        ]
    );
    assert_eq!(f.modalities()[4], "obligation");
}

#[test]
fn a_second_party_in_a_run_of_duties_gets_its_own_task() {
    // Written for the test: each clause names its own party, so each gets a task, and the
    // first task's action ends at its clause, before the next party.
    let f = Found::new("市应急局要加强统筹协调，市财政局要及时下拨资金。\n");
    assert_eq!(f.actors(), [Some("市应急局"), Some("市财政局")]);
    let action = f.ex.tasks[0].action.of(&f.text);
    assert_eq!(action, "加强统筹协调");
}

#[test]
fn the_tasks_of_supply_side_reform_are_commands() {
    // Written for the test: jieba splits 去产能 and 补短板 (去/产能, 补短/板), so the verb
    // list names them whole; a task section makes such a heading a command.
    let f = Found::new("三、今年重点工作\n扎实有效去产能。\n精准加力补短板。\n");
    assert_eq!(f.sentences(), ["扎实有效去产能。", "精准加力补短板。"]);
}

#[test]
fn caring_for_a_group_is_a_command() {
    // Written for the test: 关心 and 关爱 open a duty to care for a group in a task section,
    // 商谈 one to negotiate; "群众关心的问题" stays a noun phrase (的 after the verb).
    let f = Found::new(
        "三、重点工作\n关心帮助孤寡老人。\n关爱留守儿童。\n这是群众关心的问题。\n继续与有关国家商谈投资协定。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "关心帮助孤寡老人。",
            "关爱留守儿童。",
            "继续与有关国家商谈投资协定。"
        ]
    );
}

#[test]
fn shops_stores_teams_and_workshops_are_parties() {
    // Written for the test after a shopping mall's safety notice: "部分餐饮商铺要加大……投入"
    // had no actor (店铺 was a party word, 商铺 not).
    let f = Found::new(
        "部分餐饮商铺要加大设备更新投入。\n入驻商户要落实主体责任。\n各主力店要做好值守。\n生产车间要每班巡检。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("部分餐饮商铺"),
            Some("入驻商户"),
            Some("各主力店"),
            Some("生产车间")
        ]
    );
}

#[test]
fn a_company_department_is_a_party() {
    // Written for the test after the same company's flood-season notice: "工程物业部要……开展
    // 防汛应急救援演练" had no actor; departments are named by their last words, and so is a
    // body of staff (队伍: "这支队伍要坚持……" in the 2004 report).
    let f = Found::new(
        "工程物业部要开展防汛演练。\n营运部要加强巡查。\n安保部要做好值守。\n这支队伍要坚持实事求是。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("工程物业部"),
            Some("营运部"),
            Some("安保部"),
            Some("这支队伍")
        ]
    );
}

#[test]
fn words_before_an_according_to_requirement_are_no_speaker() {
    // Written for the test after a mall's flood-season notice: "……严格按照公司防汛工作要求，"
    // made the words before 要求 a speaker for the rest of the notice.
    let f = Found::new(
        "李明指出，各单位要加强值守。\n各部门严格按照公司防汛工作要求，从严开展检查，确保安全度汛。\n要将排查贯穿整个汛期。\n",
    );
    assert_eq!(f.speakers(), [Some("李明"), Some("李明"), Some("李明")]);
}

#[test]
fn a_word_of_the_time_ahead_ends_a_paragraphs_report() {
    // Written for the test after the 2009 report (not in the corpus): a paragraph that opens
    // with a report of the past and then turns to the new year ("在新的一年，要……") plans
    // from there; "大力加强……" after it was read as part of the report. "今后的问题是……"
    // describes and does not turn.
    let f = Found::new(
        "二、主要任务\n过去的一年，国防建设取得重要进展。部队完成了急难险重任务。在新的一年，要推进军队现代化建设。大力加强军队思想政治工作。\n过去的一年，改革取得进展。今后的问题是如何巩固成果，加强制度建设。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "在新的一年，要推进军队现代化建设。",
            "大力加强军队思想政治工作。"
        ]
    );
}

#[test]
fn a_deed_before_a_relation_verb_is_its_subject() {
    // Written for the test after the 2004 and 2009 reports (not in the corpus): "促进文化发展
    // 和繁荣，既有利于……" says what a deed brings, as "……，是……的重要保证" says what it is.
    let f = Found::new(
        "二、主要任务\n促进文化繁荣，既有利于丰富群众生活，也可以拓展消费。\n发展服务业，有利于扩大就业。\n大力发展服务业，扩大就业。\n",
    );
    assert_eq!(f.sentences(), ["大力发展服务业，扩大就业。"]);
}

#[test]
fn a_notices_purpose_cut_from_its_lead_line_orders_nothing() {
    // Written for the test after a mall's safety notice: "为……，坚决防止各类安全事故的发生。
    // 现就有关事项通知如下。" took the purpose as a duty. A purpose with a modal of its own
    // ("为……，要引以为戒……。") still orders, and so does a 为 sentence before no lead line.
    let f = Found::new(
        "各部门：\n为落实上级要求，扎实做好安全工作，坚决防止各类事故的发生。现就有关事项通知如下。\n一、加强巡查。\n为吸取事故教训，要引以为戒，加强管控。现就有关事项通知如下：\n为确保安全，坚决防止事故发生。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "一、加强巡查。",
            "为吸取事故教训，要引以为戒，加强管控。",
            "为确保安全，坚决防止事故发生。"
        ]
    );
}

#[test]
fn a_notices_list_of_violations_orders_nothing() {
    // Written for the test after a mall's notice on illegal welding: under "二、整治内容" the
    // items that end with 的 name cases to correct ("未严格履行审批手续的。"); "未严格" reports
    // a failure; "将X发包给Y" marks an object, no commitment.
    let f = Found::new(
        "一、工作要求\n（一）加强宣传引导\n要加大宣传力度。\n二、整治内容\n1、聘用未取得相关证书的人员实施电焊作业的。\n2、未严格履行作业审批手续的。\n3、违规转包施工作业的，或将拆除工程发包给不具备资格的施工单位的。\n4、作业前未及时清理周边可燃物的。\n",
    );
    assert_eq!(f.sentences(), ["（一）加强宣传引导", "要加大宣传力度。"]);
}

#[test]
fn a_readouts_lead_decides_after_what_the_meeting_heard() {
    // A State Council executive meeting's readout opens with who chaired it, what it heard,
    // then what it decided: a performative order. The year after 关于 names what the report
    // is about, no time to act.
    let f = Found::new(
        "国务院总理主持召开国务院常务会议，听取关于2023年安全生产督查情况的汇报，决定成立安全生产专项整治领导小组。\n会议指出，要压实各方责任。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "国务院总理主持召开国务院常务会议，听取关于2023年安全生产督查情况的汇报，决定成立安全生产专项整治领导小组。",
            "会议指出，要压实各方责任。"
        ]
    );
    assert_eq!(f.deadlines(), [None, None]);
}

#[test]
fn a_demand_of_a_city_office_names_the_office() {
    // "王海还要求市应急管理局提前预置救援物资和队伍。" (a readout written for the test) gave no
    // task: 要求 took only 各……, 有关……, 全市…… or 市级…… before a modal or 加强-like verb.
    let f = Found::new(
        "王海还要求市应急管理局提前预置救援物资和队伍。\n会议要求各地及时转移受威胁群众。\n全国人民要求一个民主共和政府。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "王海还要求市应急管理局提前预置救援物资和队伍。",
            "会议要求各地及时转移受威胁群众。"
        ]
    );
    assert_eq!(f.actors(), [Some("市应急管理局"), Some("各地")]);
}

#[test]
fn a_permission_and_what_a_rule_deems_order_nothing() {
    // A notice written for the test: "各地可……" permits, "视为……" says what counts as what;
    // under 工作要求 their command verbs (制定, 开展) made tasks.
    let f = Found::new(
        "二、工作要求\n（一）请各单位于4月10日前报送自查报告。逾期未报的，视为未开展自查。\n（二）各地可结合实际制定具体实施办法。\n（三）各地要结合实际制定具体实施办法。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "（一）请各单位于4月10日前报送自查报告。",
            "（三）各地要结合实际制定具体实施办法。"
        ]
    );
}

#[test]
fn the_titles_of_attached_forms_command_nothing() {
    // "附件：1.自查表 2.隐患整改台账" after a task section: "隐患整改台账" was a task through 整改.
    let f = Found::new(
        "二、工作要求\n（一）各单位要建立隐患整改台账。\n\n附件：1.自查表\n      2.隐患整改台账\n",
    );
    assert_eq!(f.sentences(), ["（一）各单位要建立隐患整改台账。"]);
}

#[test]
fn a_rules_date_of_effect_commits_no_one() {
    // "《……法》将于……起施行" states when a law takes effect, as "本办法自……起施行" does; a
    // policy that will start stays a commitment.
    let f = Found::new("《安全生产法》将于2025年1月1日起施行。\n新的补贴政策将于明年起实施。\n");
    assert_eq!(f.sentences(), ["新的补贴政策将于明年起实施。"]);
}

#[test]
fn a_speakers_opinion_is_not_the_actor() {
    // Sentences written for the test, in the manner of a leader's talk: "我认为我们应当……"
    // named "我认为我们", "我看要……" named "我看" (a party head, 我, opened them).
    // After the opinion a short noun is whoever it says should act, party word or not
    // ("我看知识分子都要……"); a place or a description is not ("我看文件上要写明……").
    let f = Found::new(
        "我认为我们应当相信群众。\n我看要把扫盲运动搞起来。\n我们说要学习先进经验。\n我看知识分子都要到工农群众中去。\n我看文件上要写明这一条。\n",
    );
    assert_eq!(
        f.actors(),
        [Some("我们"), None, None, Some("知识分子"), None]
    );
}

#[test]
fn an_adverb_after_the_party_is_not_part_of_it() {
    // 却, 便, 当然, 千万 … stand between the party and the modal: "我们千万不要忘记" named
    // "我们千万".
    let f = Found::new(
        "我们千万不要忘记这一条。\n否则，我们便要在政治上犯错误。\n我们当然应该赞扬群众。\n",
    );
    assert_eq!(f.actors(), [Some("我们"), Some("我们"), Some("我们")]);
}

#[test]
fn a_thing_that_opens_with_a_party_head_is_no_party() {
    // "各项工作", "所有工作", a standard of the whole country: 各, 所有, 全 open them, but they
    // are things. "各项任务要……" named "各项任" (务 was stripped as an adverb).
    let f = Found::new(
        "各项工作都要经得起实践的检验。\n各项任务要按期完成。\n二、主要任务\n今年全国人均基本公共卫生服务经费标准提高到25元。\n",
    );
    assert_eq!(f.actors(), [None, None, None]);
}

#[test]
fn a_clause_with_a_thing_for_subject_does_not_borrow_a_later_party() {
    // The 1998 government work report: once "各类项目" named no party, the first clause took
    // "所有投资" from the second and the two made one task. A party named in the second
    // clause is no longer borrowed either (two things make one task with none).
    let f = Found::new(
        "各类项目都要做好可行性研究，所有投资都要讲求效益。\n各类项目都要做好可行性研究，有关部门要加强监督。\n",
    );
    assert_eq!(f.actors(), [None, None, Some("有关部门")]);
}

#[test]
fn a_time_limit_stated_as_such_is_a_deadline_without_qian() {
    // A company's flood-check notice closes each item with "（完成时限4月30日）": the date is
    // the limit though no 前 follows it, and it gave no deadline. (The note gives it to the
    // item's task: a_time_limit_in_brackets_is_the_deadline_of_its_items_tasks.)
    let f = Found::new("二、工作要求\n（一）工程物业部要开展防汛应急演练。（完成时限4月30日）\n");
    assert_eq!(f.deadlines(), [Some("4月30日")]);
}

#[test]
fn the_people_a_speech_addresses_are_parties() {
    // Mao's talks and the 1978 government work report: 知识分子, 军队, 人民, 农民 … are who
    // must act, but no party word closed them and the tasks named no actor.
    let f = Found::new(
        "知识分子必须继续改造自己。\n军队要谨慎。\n中国人民一定要解放台湾。\n现有的教师应该分期分批地到工农中去。\n国家要抓好大型水利工程的建设。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("知识分子"),
            Some("军队"),
            Some("中国人民"),
            Some("现有的教师"),
            Some("国家")
        ]
    );
}

#[test]
fn the_party_after_a_trigger_ends_where_the_chain_of_parties_does() {
    // "严禁各地侮辱青年之暴举" named "各地侮辱青年" once 青年 was a party word: past the first
    // party the object runs on only through a conjunction or another party word. An adverb
    // inside opens the deed ("请你们各自调查……" named "你们各自调查一个县、一个市").
    let f = Found::new(
        "严禁各地侮辱青年之暴举。\n鼓励优势企业兼并困难企业。\n请同志们注意。\n请你们各自调查一个县。\n严禁任何单位和个人乱发奖金。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("各地"),
            Some("优势企业"),
            Some("同志们"),
            Some("你们"),
            Some("任何单位和个人")
        ]
    );
}

#[test]
fn a_time_word_with_its_own_comma_leaves_the_topic_opening_the_sentence() {
    // The 1978 government work report: "今年内，全国的省辖市、自治州、县和公社，都要……" named
    // no actor (the topic did not open the sentence, and 公社 was no party word).
    let f = Found::new(
        "今年内，全国的省辖市、自治州、县和公社，都要分别召开人民代表大会。\n今年，各地区各部门，要切实加强领导。\n人民解放军要继续加强战备。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("全国的省辖市、自治州、县和公社"),
            Some("各地区各部门"),
            Some("人民解放军")
        ]
    );
}

#[test]
fn a_year_glued_to_the_party_is_not_part_of_it() {
    // Mao: "一九四九年中国人民解放军将向长江以南进军" named "一九四九年中国人民解放军".
    let f = Found::new("一九四九年中国人民解放军将向长江以南进军。\n2025年各地区要完成改造。\n");
    assert_eq!(f.actors(), [Some("中国人民解放军"), Some("各地区")]);
}

#[test]
fn a_comma_typed_for_a_list_mark_does_not_cut_the_list_of_parties() {
    // A company's flood-check notice: "1、各部门、各主力店，各店铺要严格落实主体责任" named
    // only 各店铺. A clause before the comma that is no such list keeps the party after it
    // ("一部队内部也有若干单位，该部队的领导人员要……").
    let f = Found::new(
        "1、各部门、各主力店，各店铺要严格落实主体责任。\n一机关、一部队内部也有若干单位，该部队的领导人员要统一指挥。\n",
    );
    assert_eq!(
        f.actors(),
        [Some("各部门、各主力店，各店铺"), Some("该部队的领导人员")]
    );
}

#[test]
fn an_adverbial_clause_after_its_subject_commands_nothing() {
    // The 2003 government work report, in its section of proposals: "考虑到……将要进行政
    // 府换届，国务院经过认真研究，对今年的政府工作提出以下建议。" was a task (进行, then
    // 研究): 考虑到 opens an adverbial, and 经过 after the clause's subject does too.
    let f = Found::new(
        "二、对今年工作的建议\n考虑到下月将要进行换届，市政府经过认真研究，对今年的工作提出以下建议。\n深化行政管理体制改革。\n",
    );
    assert_eq!(f.sentences(), ["深化行政管理体制改革。"]);
}

#[test]
fn a_bare_command_after_a_directive_in_its_paragraph_goes_on_with_it() {
    // A Politburo readout (2017): "会议强调，要……。加大补短板力度，改善供给质量。要……。" gave
    // the middle sentence no task. A verb phrase that is a topic ("实行这种方法，就会胜利。"),
    // a lead-in ("巩固此根据地的方法：") and a new paragraph go on with nothing.
    let f = Found::new(
        "会议强调，要坚定不移深化改革。加大补短板力度，改善供给质量。要稳定房地产市场。\n\
         我们要坚持这个方针。实行这种方法，就会胜利。巩固此根据地的方法：\n\
         各地要加强监管。\n加强出版工作。\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "会议强调，要坚定不移深化改革。",
            "加大补短板力度，改善供给质量。",
            "要稳定房地产市场。",
            "我们要坚持这个方针。",
            "各地要加强监管。"
        ]
    );
    assert_eq!(f.speakers()[1], Some("会议"));
}

#[test]
fn in_a_task_section_a_deed_that_has_something_is_a_topic() {
    // Mao: "学习有两种态度。" after a directive read as a command to study.
    let f = Found::new("二、主要任务\n学习有两种态度。\n加强理论学习。\n");
    assert_eq!(f.sentences(), ["加强理论学习。"]);
}

#[test]
fn yao_that_states_an_aim_is_no_duty_of_its_own() {
    // The 1987 government work report: "要清除这股错误思潮所造成的恶劣影响还需要付出极大的
    // 努力" was a duty by 要; "要X，（就）必须Y" is "to X, one must Y", a duty by 必须 only. A
    // 要 whose clause holds 需要 as a noun still commands ("要从外国语言中吸收我们所需要的
    // 成分").
    let f = Found::new(
        "要清除这些恶劣影响，还需要付出极大的努力。\n要把农业搞上去，必须充分调动农民的积极性。\n第二，要从外国语言中吸收我们所需要的成分。\n",
    );
    let by_line: Vec<(usize, &str)> =
        f.ex.tasks
            .iter()
            .map(|t| (t.sentence + 1, t.trigger.of(&f.text)))
            .collect();
    // What the aim takes is a fact, not a duty either ("还需要付出极大的努力").
    assert!(by_line.iter().all(|(l, _)| *l != 1));
    assert_eq!(
        by_line.iter().filter(|(l, _)| *l == 2).collect::<Vec<_>>(),
        [&(2, "必须")]
    );
    assert!(by_line.contains(&(3, "要")));
}

#[test]
fn jiang_before_a_deed_carried_on_is_no_commitment() {
    // 1987: "各行各业、各个地方都要切实加强领导，……，将增产节约、增收节支运动扎扎实实地开
    // 展起来" was a commitment by 将 as well as a duty by 要.
    let f = Found::new("各个地方都要切实加强领导，将增产节约运动扎扎实实地开展起来。\n");
    assert_eq!(f.modalities(), ["obligation"]);
}

#[test]
fn a_time_of_the_past_is_no_deadline() {
    // 1987: "经过去年年底以来几个月的工作" gave the deadline 年底.
    let f = Found::new(
        "要在去年年底排查的基础上完成整改。\n各单位要按上月底的数据报送材料。\n各单位要在年底前报送材料。\n",
    );
    assert_eq!(f.deadlines(), [None, None, Some("年底前")]);
}

#[test]
fn a_stance_with_its_own_comma_and_the_police_leave_the_party_named() {
    // 1987: "我们希望，生产、流通、建设领域中的各类企业，都要……" and "公安、司法部门和广大
    // 人民警察要……" named no one. "以外" goes on to the party it excepts from; a topic with
    // 对于 in it names none.
    let f = Found::new(
        "我们希望，生产、流通领域中的各类企业，都要挖掘内部潜力。\n公安、司法部门和广大人民警察要继续努力提高业务素质。\n严禁司法和警察以外机关有处罚之权。\n本部对于放下武器的官兵，一律要宽大处理。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("生产、流通领域中的各类企业"),
            Some("公安、司法部门和广大人民警察"),
            Some("司法和警察以外机关"),
            None
        ]
    );
}

#[test]
fn a_time_limit_in_brackets_is_the_deadline_of_its_items_tasks() {
    // A company's flood-check notice (not in the corpus): "……确保整改到位。（完成时限4月20日
    // 前）" was a task of its own, and the tasks it closes had no deadline. A task with a
    // deadline of its own keeps it.
    let f = Found::new(
        "一、检查内容\n1、各部门要认真开展自查。对检查出的问题，要在本周内建立台账。（完成时限4月20日前）\n",
    );
    assert_eq!(
        f.sentences(),
        [
            "1、各部门要认真开展自查。",
            "对检查出的问题，要在本周内建立台账。"
        ]
    );
    assert_eq!(f.deadlines(), [Some("4月20日前"), Some("本周内")]);
}

#[test]
fn qieji_before_a_ban_is_no_part_of_the_party() {
    // Mao: "我希望全国的青年切记不要堕入……" named 全国的青年切记; 切记 ("be sure to") is an
    // adverb of the ban after it.
    let f = Found::new("各级干部切记不要弄虚作假。\n");
    assert_eq!(f.actors(), [Some("各级干部")]);
}

#[test]
fn in_a_task_section_a_deed_not_done_is_reported() {
    // A 2006 work report (not in the corpus): "主要原因是：安全措施没有真正落实，……" was a
    // task by 落实; what would have been done (整改 after 未能完成) is not one either. A
    // command verb after a clause that reports a failure still commands.
    let f = Found::new(
        "二、主要任务\n主要原因是：安全措施没有真正落实，企业主体责任不到位。\n部分地区未能完成整改。\n对尚未建立应急预案的企业，督促其限期建立。\n",
    );
    assert_eq!(
        f.sentences(),
        ["对尚未建立应急预案的企业，督促其限期建立。"]
    );
}

#[test]
fn a_deed_in_the_goal_a_preposition_heads_is_no_command() {
    // The same report's close: "朝着全面建设小康社会的目标阔步前进" was a task by 建设.
    let f = Found::new("二、主要任务\n全省朝着全面建设小康社会的目标阔步前进。\n");
    assert!(f.sentences().is_empty());
}

#[test]
fn public_finance_is_a_party() {
    // "中央财政今年安排……", "地方财政也要增加这方面的投入" named no party.
    let f = Found::new("地方财政也要增加这方面的投入。\n中央财政将投入100亿元支持职业教育发展。\n");
    assert_eq!(f.actors(), [Some("地方财政"), Some("中央财政")]);
}

#[test]
fn officers_named_by_their_title_are_parties() {
    // A company's rules on safety funds (not in the corpus): "总经理对安全生产费用全面领导，
    // 监督和管理……" named "总经理对安全生产费用全面领导", "各部门主管按照职责分工……实施监督
    // 管理" named no one. A party before an adverbial (对, 在, 按) acts in the clause after
    // the comma too.
    let f = Found::new(
        "安全生产费用管理制度\n6、总经理对安全生产费用全面领导，监督和管理安全费用的使用。\n9、各部门主管按照职责分工实施监督管理。\n县委书记要抓好“三农”工作。\n共产党员在政府工作中，应该做廉洁的模范。\n",
    );
    assert_eq!(
        f.actors(),
        [
            Some("总经理"),
            Some("各部门主管"),
            Some("县委书记"),
            Some("共产党员")
        ]
    );
}

#[test]
fn a_party_of_its_own_follows_a_pause_and_no_bracket() {
    // Mao: "一个省委第一书记，又要调查农村又要调查城市" gave a second task whose party was
    // 调查农村; "〔尼雷尔称赞中国人员……〕，不能怪你们" named a party inside an editor's
    // bracket; "建议跟县委书记……谈一下" named the party 跟 introduces.
    let f = Found::new(
        "一个省委第一书记，又要调查农村又要调查城市。\n〔编者称赞工作人员在困难条件下工作〕，不能怪你们。\n建议跟县委书记切实谈一下。\n",
    );
    // 建议 and 切实 give a task each (a recommendation and an obligation).
    assert_eq!(f.actors(), [Some("一个省委第一书记"), None, None, None]);
}

#[test]
fn an_adverb_of_duty_before_de_describes_a_noun() {
    // Mao and the 1978 report: "同“四人帮”进行了坚决的斗争", "只要双方作出切实的努力" were
    // tasks by 坚决 and 切实, which before 的 are adjectives. A modal in the sentence still
    // makes it one.
    let f = Found::new(
        "党中央同他们进行了坚决的斗争。\n只要双方作出切实的努力，关系是可以改善的。\n各单位要建立严格的节约制度。\n",
    );
    assert_eq!(f.sentences(), ["各单位要建立严格的节约制度。"]);
}

#[test]
fn a_need_of_a_thing_and_the_condition_of_a_claim_are_no_duty() {
    // The 2010 work report (not in the corpus): "不仅需要强大的经济力量" and "只有着力保障和
    // 改善民生，经济发展才有持久的动力" were tasks. A pronoun after 需要 names who must act.
    let f = Found::new(
        "国家发展不仅需要强大的经济力量。\n只有着力保障和改善民生，经济发展才有持久的动力。\n这就需要我们的作者深入生活。\n",
    );
    assert_eq!(f.sentences(), ["这就需要我们的作者深入生活。"]);
}

#[test]
fn zongjie_commands_and_a_bracket_after_a_heading_is_no_part_of_it() {
    // The State Council's three-year safety plan (2024): "2.总结……经验做法，修订一批……" took
    // its command from 排查 inside the object; 总结 is a command verb. Mao's table of contents
    // "四十六、十年总结（1960年6月18日）" names a topic: the date in brackets does not hide that
    // the heading ends with its verb.
    let f =
        Found::new("二、主要任务\n2.及时总结各地的好做法。\n四十六、十年总结（1960年6月18日）\n");
    assert_eq!(f.sentences(), ["2.及时总结各地的好做法。"]);
}
