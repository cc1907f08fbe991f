import CommissionCLI
import Commissioning
import Foundation
import Testing

/// The entries of a stored ZIP, walked forward by their local headers (the unit tests read it
/// back by the central directory; a reader may do either, so both must agree).
func storedEntries(_ bytes: [UInt8]) -> [String: [UInt8]] {
  func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
  func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
  var entries: [String: [UInt8]] = [:]
  var at = 0
  while at + 30 <= bytes.count, u32(at) == 0x0403_4B50 {
    let size = u32(at + 18)
    let nameLength = u16(at + 26)
    let start = at + 30 + nameLength + u16(at + 28)
    guard start + size <= bytes.count else { break }
    let name = String(decoding: bytes[(at + 30)..<(at + 30 + nameLength)], as: UTF8.self)
    entries[name] = Array(bytes[start..<(start + size)])
    at = start + size
  }
  return entries
}

@Suite("Word documents: decision and align --format docx")
struct DocxCommandTests {
  static let record = [
    "decision", "--spec", "Examples/decision-16-00038.json", "--as-of", "2016-03-10",
    "--format", "docx",
  ]
  static let align = [
    "align", "--group", "childrens-public-health", "--start", "2017-04-01", "--as-of",
    "2016-03-22", "--format", "docx",
  ]

  /// A fresh folder for a test's files, removed by the caller's `defer`.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "docx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `arguments` with `--output` into `folder` and returns the file's bytes.
  static func written(_ arguments: [String], _ name: String, in folder: URL) throws -> [UInt8] {
    let path = folder.appendingPathComponent(name).path
    let run = commission(arguments + ["--output", path])
    #expect(run.code == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// document.xml a block to a line, so a golden diff names the paragraph that changed.
  static func readable(_ xml: String) -> String {
    var text = xml
    for tag in ["<w:p>", "<w:p ", "<w:tbl>", "<w:tr>", "<w:sectPr>"] {
      text = text.replacingOccurrences(of: tag, with: "\n" + tag)
    }
    return text + "\n"
  }

  @Test("the 16/00038 record's document.xml matches its golden file, the same bytes each run")
  func golden() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = try Self.written(Self.record, "record.docx", in: folder)
    let entries = storedEntries(bytes)
    #expect(entries.count == 10)
    let document = try #require(entries["word/document.xml"])
    assertGolden(
      Self.readable(String(decoding: document, as: UTF8.self)), "decision-16-00038.document.xml")
    #expect(try Self.written(Self.record, "again.docx", in: folder) == bytes)
  }

  @Test("a docx on a terminal is refused with exit 64 before any work; a file is written")
  func terminalRefused() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let message =
      "commission: --format docx writes a binary Word file, not for a terminal; give "
      + "'--output FILE' (for example --output record.docx)\n"
    for extra in [[], ["--output", "-"], ["-o", "/dev/stdout"]] {
      for arguments in [Self.record, Self.align] {
        let run = onTerminal(arguments + extra)
        #expect(run.code == 64)
        #expect(run.stderr == message)
        #expect(run.stdout.isEmpty)
      }
    }
    // Refused before the register is read: a missing one is not what is reported.
    #expect(onTerminal(Self.align + ["nope.csv"]).stderr == message)
    let path = folder.appendingPathComponent("r.docx").path
    #expect(onTerminal(Self.record + ["--output", path]).code == 0)
    #expect(FileManager.default.fileExists(atPath: path))
  }

  func onTerminal(_ arguments: [String]) -> RunResult {
    let environment = Environment(
      currentDirectory: repositoryRoot.path, isTerminal: true, today: fixedToday)
    var out = ""
    var err = ""
    let code = Commission.run(arguments, environment: environment, stdout: &out, stderr: &err)
    return RunResult(stdout: out, stderr: err, code: code)
  }

  @Test(
    "docx is refused where it is not offered",
    arguments: [
      (
        ["expiring", "--by", "2016-09-30", "--format", "docx"],
        "the value 'docx' is invalid for 'expiring --format'; use text or json or csv"
      ),
      (
        ["align", "--format", "docx"],
        "the value 'docx' is invalid for 'align --format' without '--group' or '--all'; use "
          + "text or json"
      ),
      (
        ["align", "--all", "--format", "docx"],
        "'align --format docx' is for one group's proposal; give '--group <name>'"
      ),
      (
        ["gantt", "--format", "docx"],
        "the value 'docx' is invalid for 'gantt --format'; use text or svg or json"
      ),
    ])
  func refused(_ arguments: [String], _ message: String) {
    let run = commission(arguments + ["--as-of", "2016-03-22", "-o", "/tmp/never.docx"])
    #expect(run.code == 64)
    #expect(run.stderr == "commission: \(message)\n")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never.docx"))
  }

  @Test("a docx that cannot be written is exit 73 with one line, like any output")
  func cannotWrite() throws {
    try #require(FileManager.default.fileExists(atPath: "/dev/full"))
    let run = commission(Self.record + ["--output", "/dev/full"])
    #expect(run.code == 73)
    #expect(run.stderr == "commission: cannot write '/dev/full': No space left on device\n")
  }

  @Test("the built binary writes the same bytes to a pipe as to --output, and unzip -t passes")
  func pipeAndUnzip() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("record.docx").path
    let binary = try #require(builtBinary(), "the commission binary was not built")
    func run(_ arguments: [String]) throws -> (Data, Int32) {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      process.currentDirectoryURL = repositoryRoot
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (data, process.terminationStatus)
    }
    let (piped, code) = try run(Self.record)
    #expect(code == 0)
    let (nothing, fileCode) = try run(Self.record + ["--output", path])
    #expect(fileCode == 0 && nothing.isEmpty)
    let file = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(piped == file)
    #expect(piped.starts(with: [0x50, 0x4B, 3, 4]))
    let unzip = try runTool(["sh", "-c", "command -v unzip"])
    if unzip.status == 0 {
      let (status, output) = try runTool(["unzip", "-t", path])
      #expect(status == 0, "\(output)")
      #expect(output.contains("No errors detected"))
    }
  }
}

/// The documents as python-docx, a real third-party reader, finds them.
@Suite("Word documents read by python-docx and zipfile")
struct DocxReadingTests {
  /// What `Scripts/read_docx.py` prints for each file.
  struct Read: Decodable {
    struct Block: Decodable {
      var p: String?
      var style: String?
      var bold: String?
      var table: [[String]]?
      var header: [Bool]?
    }
    var blocks: [Block]
    var page: [Int]
    var margins: [Int]
    var footerFields: [String]
    var title: String
    var font: String?
    var size: Double?

    var paragraphs: [String] { blocks.compactMap(\.p) }
    var tables: [Block] { blocks.filter { $0.table != nil } }
  }

  static func read(_ paths: [String]) throws -> [Read] {
    let script = repositoryRoot.appendingPathComponent("Tests/CommissionCLITests/Scripts")
      .appendingPathComponent("read_docx.py").path
    let venv = repositoryRoot.appendingPathComponent(".build/validate-venv").path
    let (status, output) = try runTool(["python3", script, venv] + paths)
    try #require(status == 0, "\(output)")
    let json = output.split(separator: "\n").last.map(String.init) ?? ""
    return try JSONDecoder().decode([Read].self, from: Data(json.utf8))
  }

  @Test(
    "the record's parts in order, the appendix tables with heading rows, A4, page numbers",
    .enabled(
      if: PythonTools.canValidateExports,
      "needs python3 with python-docx, or pip and PyPI; always runs with CI=true"))
  func record() throws {
    let folder = try DocxCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try DocxCommandTests.written(DocxCommandTests.record, "record.docx", in: folder)
    let path = folder.appendingPathComponent("record.docx").path
    let (zipStatus, zipOutput) = try runTool([
      "python3", "-c",
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
        + "print(z.testzip(), len(z.namelist()), z.read('word/document.xml')[:5])",
      path,
    ])
    #expect(zipStatus == 0 && zipOutput == "None 10 b'<?xml'\n", "\(zipOutput)")
    let doc = try #require(try Self.read([path]).first)
    #expect(doc.page == [11906, 16838] && doc.margins == [1440, 1440, 1440, 1440])
    #expect(doc.footerFields == ["PAGE", "NUMPAGES"])
    #expect(doc.font == "Arial" && doc.size == 11)
    #expect(doc.title.hasPrefix("16/00038 Extending the term"))
    let order = [
      "KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION", "DECISION TO BE TAKEN BY:",
      "Cabinet Member for Adult Social Care & Public Health", "DECISION NO:", "16/00038",
      "For publication",
      "Subject: Extending the term of the contracts for the Health Visiting and School Public "
        + "Health services",
      "Decision:", "As Cabinet Member for Adult Social Care and Public Health I agree to:",
      "Reason(s) for decision:",
      "Health Visiting and Family Nurse Partnership[ (KCHFT) – £22,604,400",
      "School Public Health Service (All exc. Swale), KCHFT – £4,852,760",
      "School Public Health Service (Swale), MFT – £414,379",
      "The extensions cost £13,935,769.50 in total.",
      "Cabinet Committee recommendations and other consultation:",
      "Any alternatives considered:",
      "Any interest declared when the decision was taken and any dispensation granted by the "
        + "Proper Officer:",
      "signed\tdate", "Appendix: financial implications and timetable",
      "Timetable (as of 10 March 2016):", "For the drafter to check:",
      "Report author: Karen Sharp, Head of Public Health Commissioning",
      "Relevant director: Andrew Scott-Clark, Director of Public Health",
    ]
    let found = order.map { doc.paragraphs.firstIndex(of: $0) }
    #expect(!found.contains(nil), "missing: \(zip(order, found).filter { $0.1 == nil })")
    let indices = found.compactMap { $0 }
    #expect(indices == indices.sorted(), "out of order")
    // Labels are bold by their style; the title is the Title style; the reasons are bullets.
    let styleOf = { (text: String) in doc.blocks.first { $0.p == text }?.style }
    #expect(styleOf("DECISION NO:") == "Field label" && styleOf(order[0]) == "Title")
    #expect(styleOf("School Public Health Service (Swale), MFT – £414,379") == "List Bullet")
    #expect(doc.blocks.first { $0.p?.hasPrefix("Subject:") == true }?.bold == "Subject: ")
    try checkTables(doc)
  }

  /// The contract table and the timetable, after the appendix heading, with the seeds'
  /// figures: half a year of £22,604,400, £4,852,760 and £414,379 (16/00038, 2016-03).
  func checkTables(_ doc: Read) throws {
    let tables = doc.tables
    try #require(tables.count == 2)
    let appendix = try #require(
      doc.blocks.firstIndex { $0.p == "Appendix: financial implications and timetable" })
    let first = try #require(doc.blocks.firstIndex { $0.table != nil })
    #expect(first > appendix)
    #expect(
      tables[0].table == [
        ["Contract", "Current end", "New end", "Extension", "Annual value", "Cost"],
        [
          "Health Visiting and Family Nurse Partnership[ (KCHFT)", "30 Sep 2016", "31 Mar 2017",
          "6 months", "£22,604,400", "£11,302,200.00",
        ],
        [
          "School Public Health Service (All exc. Swale), KCHFT", "30 Sep 2016", "31 Mar 2017",
          "6 months", "£4,852,760", "£2,426,380.00",
        ],
        [
          "School Public Health Service (Swale), MFT", "30 Sep 2016", "31 Mar 2017", "6 months",
          "£414,379", "£207,189.50",
        ],
      ])
    #expect(tables[0].header == [true, false, false, false])
    #expect(tables[1].table?.first == ["Step", "Date", "Status"])
    #expect(
      tables[1].table?.dropFirst().first == ["Committee meeting", "22 March 2016", "in 12 days"])
    #expect(tables[1].header == [true, false, false, false, false])
  }

  @Test(
    "align's proposal and deadlines as tables; hostile text in a record reads back as written",
    .enabled(
      if: PythonTools.canValidateExports,
      "needs python3 with python-docx, or pip and PyPI; always runs with CI=true"))
  func alignAndHostile() throws {
    let folder = try DocxCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try DocxCommandTests.written(DocxCommandTests.align, "align.docx", in: folder)
    let hostile = "A <b> & ]]> \"q\" \u{01}\u{1B}[31m 😀 end"
    _ = try DocxCommandTests.written(
      DocxCommandTests.record + ["--subject", hostile, "--alternatives", "x\u{00}y\tz"],
      "hostile.docx", in: folder)
    let read = try Self.read(
      ["align.docx", "hostile.docx"].map {
        folder.appendingPathComponent($0).path
      })
    try #require(read.count == 2)
    let align = read[0]
    #expect(
      align.paragraphs.first
        == "Aligning childrens-public-health · Kent County Council · kent-2016-03")
    let tables = align.tables
    #expect(tables.count == 3)
    #expect(
      tables[0].table?.first == [
        "Contract", "Provider", "Ends", "New end", "Adds", "Cost", "Options",
      ])
    #expect(
      tables[0].table?.contains([
        "School Public Health Service (Swale)", "MFT", "30 Sep 2016", "31 Mar 2017", "6m",
        "£207,189.50", "beyond",
      ]) == true)
    #expect(
      tables.allSatisfy {
        $0.header?.first == true && $0.header?.dropFirst().contains(true) == false
      })
    #expect(tables[1].table?.first == ["Date", "Deadline", "Status", "Why"])
    #expect(align.paragraphs.contains { $0.hasPrefix("Total extension cost £13,935,769.50") })
    #expect(read[1].paragraphs.contains("Subject: A <b> & ]]> \"q\" [31m 😀 end"))
    #expect(read[1].paragraphs.contains("xy z"))
  }
}
