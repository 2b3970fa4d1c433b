import Testing

@testable import CaptionKit

/// The one paragraph count (`paragraph-mismatch`, `captions import`), with and without line feeds.
@Suite struct ParagraphCountTests {
    @Test(arguments: [
        ("", 0), ("   \t\r", 0), (" \n\t\r\n ", 0),
        ("Курт", 1), ("  Құрт  ", 1), ("Лагерь\nв степи", 1), ("\n\nАЛЖИР\n\n", 1),
        ("Бірінші.\n\nЕкінші.", 2), ("Первый.\n \t\nВторой.\n\n\nТретий.", 3), ("One.\r\n\r\nTwo.", 2),
    ])
    func counts(_ text: String, _ expected: Int) {
        #expect(ParagraphCount.of(text) == expected)
    }
}
