import Testing

@testable import RegulaLanguage
import RegulaLearning

/// The CSV `save` writes: RFC 4180 quoting, and numbers that read back as the same doubles
/// through the engine's own reader.
@Suite("CSV text")
struct CSVTextTests {
    @Test func quotesWhatRFC4180Asks() {
        #expect(CSVText.quoted("plain") == "plain")
        #expect(CSVText.quoted("a,b") == "\"a,b\"")
        #expect(CSVText.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.quoted(" padded ") == "\" padded \"")
        #expect(CSVText.quoted("λ") == "λ")
    }

    @Test func fieldsAndNumbersReadBackExactly() throws {
        let header = ["name, quoted", "say \"x\"", "λ", "value"]
        let numbers = [0.1, 1e-300, -0.0, 123456789.123456789, .pi, -2.5e17, 3]
        var text = CSVText(header: header)
        for (index, number) in numbers.enumerated() {
            text.append([.text("row \(index), a"), .text("\"\(index)\""), .text("x\r\ny"), .number(number)])
        }
        let table = try CSVTable(parsing: text.text)
        #expect(table.header == header)
        #expect(table.rows.count == numbers.count)
        for (index, row) in table.rows.enumerated() {
            #expect(row[0] == "row \(index), a" && row[1] == "\"\(index)\"" && row[2] == "x\r\ny")
            let read = try #require(Double(row[3]))
            #expect(read.bitPattern == numbers[index].bitPattern, "row \(index): \(row[3])")
        }
    }

    @Test func lineBreaksStayInsideQuotedFields() {
        var text = CSVText(header: ["note"])
        text.append([.text("two\r\nlines")])
        #expect(text.text == "note\r\n\"two\r\nlines\"\r\n")
    }

    @Test func nonFiniteNumbersHaveAWord() {
        #expect(CSVText.number(.nan) == "nan" && CSVText.number(.infinity) == "inf" && CSVText.number(-.infinity) == "-inf")
        #expect(JSONText.numbers([1, .nan]).document == "[1, null]\n")
    }

    @Test func aSavedDatasetReadsBackAsTheSameNumbers() throws {
        let data = try Dataset.bundled("diabetes")
        let text = try #require(data.fileContents(as: "csv"))
        let back = try Dataset(csv: text, options: DatasetOptions(target: data.targetName, title: "back"))
        #expect(back.featureNames == data.featureNames)
        #expect(back.target == data.target)
        #expect(back.features == data.features)
    }
}
