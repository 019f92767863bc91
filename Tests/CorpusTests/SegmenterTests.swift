import Testing
@testable import Corpus

/// Sentence boundaries: each case is written with `|` where the sentences must end.
struct SegmenterTests {
    @Test(arguments: [
        "Об этом сообщил г-н Абаев.|Он добавил, что т.е. все готово.",
        "Президент В. В. Абаев выступил.|Затем он уехал.",
        "Согласно ст. 5 закона, бюджет вырос до 25 млрд руб. в год.|Это много.",
        "«Мы готовы», — сказал он.|Потом он ушел.",
        // inside a quote sentences still split; the attribution rules give them the quote's speaker
        "«Мы готовы.|Мы ждем», — сказал он.|Потом он ушел.",
        "\"Мы готовы принять переговоры.\", - сказал Абаев.|Встреча прошла.",
        "Он сказал: «Все возможно!»|Это важно.",
        "Абаев предложил Казахстан как площадку|Казахстан готов принять переговоры.",
        "Первый абзац без точки|Второй абзац.",
        "— Это окончательное решение? — спросил журналист.|— Да.",
        "Ставка составит 16,5% годовых.|Инфляция замедлилась.",
        "Текст страницы оборвался на полусло",
    ])
    func boundaries(_ expected: String) {
        let text = expected.replacingBars()
        #expect(EngineFixture.segmented(text) == expected)
    }

    @Test func furnitureIsDropped() {
        let text = """
        Перейти к основному контенту
        Абаев заявил, что Казахстан готов принять переговоры.
        Фото: пресс-служба
        Читайте также
        Абаев заявил, что Казахстан не посредник.
        Теги
        """
        #expect(EngineFixture.segmented(text) == "Абаев заявил, что Казахстан готов принять переговоры.")
    }

    // a marker that ends the text with prose after it is the page's navigation or a link
    // inside the article: only its own line is furniture
    @Test func aMarkerWithProseAfterItEndsNothing() {
        let prose = "Абаев заявил журналистам в Астане, что Казахстан готов принять переговоры, если стороны попросят об этом, и предоставит площадку."
        let text = """
        Все новости Политика Экономика Спорт
        \(prose)
        Читайте также
        Абаев заявил, что Казахстан не посредник.
        """
        #expect(EngineFixture.segmented(text) == prose)
    }

    @Test func closingHeadlineListIsFurniture() {
        let text = """
        Абаев заявил, что Казахстан готов принять переговоры.

        Курс доллара снизился

        В Москве открылась выставка

        Сейтова призвала стать площадкой
        """
        #expect(EngineFixture.segmented(text) == "Абаев заявил, что Казахстан готов принять переговоры.")
        // a single cut-off last line is the article's own text
        #expect(EngineFixture.segmented("Абаев заявил, что все готово.\nЗатем он добавил, что Казах") == "Абаев заявил, что все готово.|Затем он добавил, что Казах")
    }

    @Test func quotesArePairedAcrossSentences() {
        let tokens = Tokenizer.tokens("«Мы готовы. Мы ждем», — сказал он.")
        let spans = Segmenter.quotes(tokens)
        #expect(spans.count == 1)
        #expect(tokens[spans[0].open].norm == "«" && tokens[spans[0].close].norm == "»")
    }

    // a quote interrupted by its author is two quotes, the author's words outside them; a dash
    // inside a quote with no author's words after it leaves the quote whole
    @Test func aQuoteInterruptedByItsAuthorIsTwoQuotes() {
        let words = { (text: String) -> [String] in
            let tokens = Tokenizer.tokens(text)
            return Segmenter.quotes(tokens).map { q in
                tokens[(q.open + 1)..<q.close].filter { $0.kind == .word }.map { Fold.decode($0.norm) }.joined(separator: " ")
            }
        }
        #expect(words("«Мы считаем это нужным, — подчеркнула Ветрова. — Город это сохранит».")
            == ["мы считаем это нужным", "город это сохранит"])
        #expect(words("«Мы готовы, — сказал он, — и ждём».") == ["мы готовы", "и ждем"])
        #expect(words("«Мы готовы — и ждём».") == ["мы готовы и ждем"])
        #expect(words("«Мы готовы, — и это главное».") == ["мы готовы и это главное"])
    }
}

extension String {
    /// The text with `|` boundary marks turned into what the article had: a line break
    /// when the next part starts a new line in the case, else a space.
    func replacingBars() -> String {
        var out = ""
        for (i, part) in split(separator: "|", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out += (out.last == "." || out.last == "!" || out.last == "?" || out.last == "»") ? " " : "\n" }
            out += part
        }
        return out
    }
}
