fn main() {
    let j = jieba_rs::Jieba::new();
    for s in std::env::args().skip(1) {
        let w: Vec<&str> = j.cut(&s, false).iter().map(|t| t.word).collect();
        println!("{}", w.join(" / "));
    }
}
