import Testing

@testable import CaptionKit

@Suite struct NumberExtractionTests {
    @Test(arguments: [
        ("1937 жылы", "kk", ["1937"]),
        ("1937-жылы", "kk", ["1937"]),
        ("1937-ші жылы", "kk", ["1937"]),
        ("в 1938–1953 годах", "ru", ["1938", "1953"]),
        ("1938-1953", "en", ["1938", "1953"]),
        ("более 10 000 женщин", "ru", ["10000"]),
        ("более 10\u{A0}000 женщин", "ru", ["10000"]),
        ("1\u{202F}250\u{202F}000", "ru", ["1250000"]),
        ("more than 10,000 women", "en", ["10000"]),
        ("In 1941, 1942 and 1943", "en", ["1941", "1942", "1943"]),
        ("0,5 кг", "ru", ["0.5"]),
        ("0.5 kg", "en", ["0.5"]),
        ("1,5 кг", "kk", ["1.5"]),
        ("05.03.1953", "ru", ["5", "3", "1953"]),
        ("в 1937 году 100 женщин", "ru", ["1937", "100"]),
        ("XIX век", "ru", ["19"]),
        ("XX ғасыр", "kk", ["20"]),
        ("19th century", "en", ["19"]),
        ("the 1930s", "en", ["1930"]),
        ("V век", "ru", ["5"]),
        ("I was there", "en", []),
        ("MIX and CD and IIII", "en", []),
        ("Камера № 7.", "ru", ["7"]),
        // Roman numerals typed with the Cyrillic Х and І.
        ("ХХ века", "ru", ["20"]),
        ("ХІХ ғасыр", "kk", ["19"]),
        ("ХIХ век", "ru", ["19"]),
        ("Х век", "ru", ["10"]),
        ("Х-ғасыр", "kk", ["10"]),
        ("Х и І", "ru", []),
        ("Хлеб, ХХI", "ru", ["21"]),
        ("Іле мен ХХХХ", "kk", []),
    ])
    func numbers(_ text: String, _ language: String, _ expected: [String]) {
        #expect(NumberExtraction.numbers(in: text, language: language) == expected)
    }
}
