import Testing

@testable import CaptionKit

@Suite struct GlossaryExporterTests {
    @Test func anOmegaTCommentJoinsItsPartsAsSentencesOrWithSemicolons() {
        #expect(
            GlossaryExporter.joinedComment([
                GlossaryExporter.doNotTranslateNote, "The Russian acronym of the camp's name.",
            ]) == "Do not translate: keep the term as it is. The Russian acronym of the camp's name.")
        #expect(
            GlossaryExporter.joinedComment(["also: woman, inmate", "do not use: convict", "The women held in the camp"])
                == "also: woman, inmate; do not use: convict; The women held in the camp")
        #expect(GlossaryExporter.joinedComment([]) == "")
    }
}
