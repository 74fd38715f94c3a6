fn main() {
    let dir = std::env::args().nth(1).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = path.join("source.html");
        if !source.exists() { continue; }
        let html = std::fs::read_to_string(&source).unwrap();
        let doc = gloss_core::corpus::html::read_page(&html, None);
        let (title, text) = match doc { Ok(d) => (d.title().map(str::to_owned), d.render().text), Err(_) => (None, String::new()) };
        println!("{}", serde_json::json!({"page": path.file_name().unwrap().to_string_lossy(), "title": title, "text": text}));
    }
}
