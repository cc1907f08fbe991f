/// A Word document (Office Open XML, `.docx`) built a block at a time: a tiny builder with
/// titles, headings, labels, paragraphs, bulleted items, tables and signature lines, and
/// ``package()`` to write the parts Word needs into a ``ZipArchive``.
///
/// The layout is fixed for council papers: A4, 2.54 cm margins, Arial 11 pt, page numbers in
/// the footer. Every piece of text goes through ``WordXML/text(_:)``, so a register's cell or a
/// spec's field can hold `<`, `&`, `]]>` or control characters without breaking the document.
public struct WordDocument: Sendable {
  /// The document's title and subject in its properties (File › Properties), not its body.
  public var title: String
  public var subject: String
  /// The body's XML so far, block after block.
  private(set) var body = ""

  public init(title: String, subject: String = "") {
    self.title = title
    self.subject = subject
  }

  /// A4 in twentieths of a point (210 × 297 mm), and the width inside the margins.
  static let pageWidth = 11_906
  static let pageHeight = 16_838
  static let margin = 1_440
  /// The width text and tables have: the page less both margins (9,026 twips, 15.9 cm).
  public static let textWidth = pageWidth - 2 * margin

  /// A piece of a paragraph, bold or not.
  public struct Run: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public init(_ text: String, bold: Bool = false) {
      self.text = text
      self.bold = bold
    }
  }

  /// A table column: its heading, its width in twips, and whether figures in it line up right.
  public struct Column: Sendable {
    public var title: String
    public var width: Int
    public var alignRight: Bool
    public init(_ title: String, width: Int, alignRight: Bool = false) {
      self.title = title
      self.width = width
      self.alignRight = alignRight
    }
  }

  /// The paragraph styles ``WordParts/styles`` defines.
  enum Style: String {
    case title = "Title"
    case heading = "Heading1"
    case label = "FieldLabel"
    case normal = "Normal"
    case bullet = "ListBullet"
    case tableText = "TableText"
  }

  // MARK: - Blocks

  /// The document's title line: bold, centred.
  public mutating func title(_ text: String) { add(.title, [Run(text)]) }

  /// A section heading, kept with what follows.
  public mutating func heading(_ text: String) { add(.heading, [Run(text)]) }

  /// A bold field label (`DECISION NO:`), kept with the paragraph under it.
  public mutating func label(_ text: String) { add(.label, [Run(text)]) }

  /// A paragraph of plain text.
  public mutating func paragraph(_ text: String) { add(.normal, [Run(text)]) }

  /// A paragraph of runs, some bold; kept on the page of the next paragraph when asked (a
  /// report author's line with the director's).
  public mutating func paragraph(_ runs: [Run], keepWithNext: Bool = false) {
    add(.normal, runs, keepWithNext: keepWithNext)
  }

  /// A bulleted list item (the bullets are in ``WordParts/numbering``).
  public mutating func bullet(_ runs: [Run]) { add(.bullet, runs) }

  /// An empty paragraph, for space left to fill in by hand.
  public mutating func blank() { add(.normal, []) }

  /// Two dotted lines side by side with `signed` and `date` under them, as the council's
  /// records end: dot leaders to tab stops, so they print as lines in any font.
  public mutating func signatureLines() {
    let split = Self.textWidth * 3 / 5
    let gap = split + 567
    body += "<w:p><w:pPr><w:keepNext/><w:tabs>"
    body += "<w:tab w:val=\"left\" w:leader=\"dot\" w:pos=\"\(split)\"/>"
    body += "<w:tab w:val=\"left\" w:pos=\"\(gap)\"/>"
    body += "<w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(Self.textWidth)\"/>"
    body += "</w:tabs><w:spacing w:before=\"720\" w:after=\"0\"/></w:pPr>"
    body += "<w:r><w:tab/><w:tab/><w:tab/></w:r></w:p>"
    body += "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"\(gap)\"/></w:tabs></w:pPr>"
    body += "<w:r><w:t>signed</w:t></w:r><w:r><w:tab/><w:t>date</w:t></w:r></w:p>"
  }

  /// Starts a new page (the appendix starts on its own).
  public mutating func pageBreak() {
    body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
  }

  /// A table with a heading row that repeats at the top of each page (`w:tblHeader`) and rows
  /// that do not split across pages.
  ///
  /// - Parameters:
  ///   - columns: the headings and widths (they should add up to ``textWidth``).
  ///   - rows: one run per cell; a short row is padded with empty cells, a long one cut.
  public mutating func table(_ columns: [Column], _ rows: [[Run]]) {
    body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"RecordTable\"/>"
    body += "<w:tblW w:w=\"\(columns.reduce(0) { $0 + $1.width })\" w:type=\"dxa\"/>"
    body += "<w:tblLayout w:type=\"fixed\"/>"
    body += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\""
    body += " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    for column in columns { body += "<w:gridCol w:w=\"\(column.width)\"/>" }
    body += "</w:tblGrid>"
    tableRow(columns, columns.map { Run($0.title, bold: true) }, header: true)
    for row in rows {
      // Text reports pad dates (` 1 Oct 2016`) to line up; a cell lines up by itself.
      let cells = (0..<columns.count).map {
        $0 < row.count ? Run(Self.trimmingSpaces(row[$0].text), bold: row[$0].bold) : Run("")
      }
      tableRow(columns, cells, header: false)
    }
    body += "</w:tbl>"
    // A table must not be the last thing before the section's end; a small gap reads better.
    body +=
      "<w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:p>"
  }

  static func trimmingSpaces(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars
    while scalars.first == " " { scalars.removeFirst() }
    while scalars.last == " " { scalars.removeLast() }
    return String(scalars)
  }

  private mutating func tableRow(_ columns: [Column], _ cells: [Run], header: Bool) {
    body += "<w:tr><w:trPr><w:cantSplit/>\(header ? "<w:tblHeader/>" : "")</w:trPr>"
    for (column, cell) in zip(columns, cells) {
      body += "<w:tc><w:tcPr><w:tcW w:w=\"\(column.width)\" w:type=\"dxa\"/>"
      if header { body += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>" }
      body += "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"\(Style.tableText.rawValue)\"/>"
      if header { body += "<w:keepNext/>" }
      if column.alignRight { body += "<w:jc w:val=\"right\"/>" }
      body += "</w:pPr>\(Self.run(cell))</w:p></w:tc>"
    }
    body += "</w:tr>"
  }

  private mutating func add(_ style: Style, _ runs: [Run], keepWithNext: Bool = false) {
    body += "<w:p>"
    if style != .normal || keepWithNext {
      body += "<w:pPr><w:pStyle w:val=\"\(style.rawValue)\"/>"
      if keepWithNext { body += "<w:keepNext/>" }
      if style == .bullet {
        body += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
      }
      body += "</w:pPr>"
    }
    for run in runs where !run.text.isEmpty { body += Self.run(run) }
    body += "</w:p>"
  }

  /// One run: the text escaped, a line break for each newline, spaces kept as written.
  static func run(_ run: Run) -> String {
    let bold = run.bold ? "<w:rPr><w:b/></w:rPr>" : ""
    // `\r\n` is one Character, and a newline: either way, one line break.
    let lines = run.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    return "<w:r>\(bold)"
      + lines.map { "<w:t xml:space=\"preserve\">\(WordXML.text(String($0)))</w:t>" }
      .joined(separator: "<w:br/>") + "</w:r>"
  }

  // MARK: - The package

  /// `word/document.xml`: the body, then the section (A4, margins, the footer).
  public var documentXML: String {
    WordParts.declaration
      + "<w:document xmlns:w=\"\(WordParts.wordNamespace)\" xmlns:r=\"\(WordParts.relNamespace)\">"
      + "<w:body>" + body + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
      + "<w:pgSz w:w=\"\(Self.pageWidth)\" w:h=\"\(Self.pageHeight)\"/>"
      + "<w:pgMar w:top=\"\(Self.margin)\" w:right=\"\(Self.margin)\" w:bottom=\"\(Self.margin)\""
      + " w:left=\"\(Self.margin)\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
      + "</w:sectPr></w:body></w:document>"
  }

  /// The `.docx`: every part in a ZIP archive, `[Content_Types].xml` first as readers expect.
  /// The same document gives the same bytes: no clock, no random names.
  public func package() -> [UInt8] {
    var zip = ZipArchive()
    let parts: [(String, String)] = [
      ("[Content_Types].xml", WordParts.contentTypes),
      ("_rels/.rels", WordParts.packageRelationships),
      ("docProps/core.xml", WordParts.core(title: title, subject: subject)),
      ("docProps/app.xml", WordParts.app),
      ("word/document.xml", documentXML),
      ("word/_rels/document.xml.rels", WordParts.documentRelationships),
      ("word/styles.xml", WordParts.styles),
      ("word/numbering.xml", WordParts.numbering),
      ("word/settings.xml", WordParts.settings),
      ("word/footer1.xml", WordParts.footer),
    ]
    // Ten small parts cannot reach the format's limits (4 GiB, 65,535 entries) unless the
    // body itself is gigabytes; then the body is cut to say so rather than crash.
    for (name, text) in parts {
      do {
        try zip.add(name, Array(text.utf8))
      } catch {
        try? zip.add(name, Array(Self.tooLarge.utf8))
      }
    }
    return zip.bytes
  }

  static let tooLarge =
    WordParts.declaration + "<w:document xmlns:w=\"\(WordParts.wordNamespace)\"><w:body><w:p>"
    + "<w:r><w:t>The document is too large for this writer.</w:t></w:r></w:p></w:body></w:document>"
}

/// Text for Word's XML.
public enum WordXML {
  /// `text` escaped for an element's content: `&`, `<`, `>` and quotes as entities, every
  /// character XML 1.0 forbids (the C0 controls but tab and newline, U+FFFE, U+FFFF) dropped,
  /// and a tab made a space (a tab inside `w:t` is not Word's tab). Bidirectional overrides
  /// become U+FFFD, as in the HTML record, so a name cannot show reversed.
  public static func text(_ text: String) -> String {
    Markup.escapeXML(text.contains("\t") ? text.replacingTabs : text)
  }
}

extension String {
  fileprivate var replacingTabs: String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
  }
}
