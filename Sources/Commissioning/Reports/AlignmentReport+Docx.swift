extension AlignmentProposal {
  /// The proposal as a Word document an officer can paste into a committee report: the same
  /// sentences as the text report (AlignmentReport.swift), with the contracts and each set of
  /// deadlines as Word tables instead of columns of spaces.
  public var wordDocument: WordDocument {
    var doc = WordDocument(
      title: "Aligning \(group)", subject: "\(council.name) · \(registerName)")
    doc.heading("Aligning \(group) · \(council.name) · \(registerName)")
    doc.paragraph(targetSentence)
    doc.table(Self.wordColumns, contracts.map(Self.wordRow))
    if let key = tableKey { doc.paragraph(key) }
    doc.paragraph(costSentence)
    doc.paragraph(keyDecisionSentence)
    doc.label("Deadlines")
    doc.table(Self.deadlineColumns, councilTimetable.map(Self.deadlineRow))
    for partner in timetable.partners {
      doc.label("\(partner) (partner-led; not the council's dates)")
      let own = timetable.milestones.filter {
        $0.owner == .partner(partner) && Day.writable.contains($0.day)
      }
      doc.table(
        Self.deadlineColumns,
        own.map { Self.deadlineRow(AlignmentProposal.entry($0, asOf: asOf)) })
    }
    let flagged = contracts.filter { !$0.flags.isEmpty }
    if !flagged.isEmpty { doc.label("Flags and assumptions") }
    for p in flagged {
      doc.paragraph(
        [WordDocument.Run(ContractProposal.name(p.contract), bold: true)], keepWithNext: true)
      for flag in p.flags { doc.bullet([WordDocument.Run(flag.message)]) }
    }
    return doc
  }

  /// One line under the contracts table saying what its one-word cells mean, for a reader of
  /// the paper who never saw the tool; `nil` when no cell says `partner` or `beyond`.
  var tableKey: String? {
    var parts: [String] = []
    if contracts.contains(where: { Self.costCell($0) == "partner" }) {
      parts.append("Cost \u{201C}partner\u{201D}: a partner leads the contract and bears that cost")
    }
    if contracts.contains(where: { $0.withinOptions != nil }) {
      parts.append(
        "Options \u{201C}within\u{201D} or \u{201C}beyond\u{201D}: whether the new end is "
          + "within the extension options the contract allows")
    }
    return parts.isEmpty ? nil : "Key: " + parts.joined(separator: "; ") + "."
  }

  /// The `.docx` file's bytes.
  public var docx: [UInt8] { wordDocument.package() }

  /// The text report's columns, with room for the whole of every name (Word wraps a cell).
  static let wordColumns = [
    WordDocument.Column("Contract", width: 1_800), WordDocument.Column("Provider", width: 1_250),
    WordDocument.Column("Ends", width: 1_350, alignRight: true),
    WordDocument.Column("New end", width: 1_350, alignRight: true),
    WordDocument.Column("Adds", width: 700, alignRight: true),
    WordDocument.Column("Cost", width: 1_626, alignRight: true),
    WordDocument.Column("Options", width: 950),
  ]

  static func wordRow(_ p: ContractProposal) -> [WordDocument.Run] {
    [
      p.contract.service.isEmpty ? p.contract.id : p.contract.service,
      p.contract.provider,
      p.currentEnd.map { DateStyle.short($0, precision: p.contract.end.precision) } ?? "unknown",
      p.proposedEnd.map { DateStyle.short($0) } ?? "",
      extensionLabel(p),
      costCell(p),
      p.withinOptions.map { $0 ? "within" : "beyond" } ?? "",
    ].map { WordDocument.Run($0) }
  }

  static let deadlineColumns = [
    WordDocument.Column("Date", width: 1_350), WordDocument.Column("Deadline", width: 2_300),
    WordDocument.Column("Status", width: 1_400), WordDocument.Column("Why", width: 3_976),
  ]

  /// A deadline's row, as the text report's line (a missed one says `MISSED` in capitals); a
  /// date with no countdown (a meeting) says `to come`, as the HTML report does, not a blank.
  static func deadlineRow(_ entry: (day: Day?, label: String, status: String, why: String))
    -> [WordDocument.Run]
  {
    let status = entry.status.isEmpty ? "to come" : entry.status
    return [entry.day.map { DateStyle.short($0) } ?? "", entry.label, status, entry.why].map {
      WordDocument.Run($0)
    }
  }
}
