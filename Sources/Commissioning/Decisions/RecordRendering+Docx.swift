extension RecordOfDecision {
  /// The record as a Word document, in the order and with the labels of the Markdown, text
  /// and HTML records (RecordRendering.swift): what a drafter pastes into the council's
  /// template, or sends to committee services as it is.
  ///
  /// The appendix starts on a new page, as in the committee papers; its contract table and
  /// timetable are Word tables whose heading rows repeat on each page.
  public var wordDocument: WordDocument {
    var doc = WordDocument(title: "\(decisionNumber) \(subject)", subject: title)
    writeWordRecord(to: &doc)
    doc.pageBreak()
    writeWordAppendix(to: &doc)
    return doc
  }

  /// The `.docx` file's bytes: ``wordDocument`` packaged.
  public var docx: [UInt8] { wordDocument.package() }

  /// The record proper, from the title line to the signature and date lines.
  func writeWordRecord(to doc: inout WordDocument) {
    doc.title(title)
    doc.label("DECISION TO BE TAKEN BY:")
    doc.paragraph(takenBy)
    doc.label("DECISION NO:")
    doc.paragraph(decisionNumber)
    doc.label(classification)
    doc.paragraph([WordDocument.Run("Subject: ", bold: true), WordDocument.Run(subject)])
    doc.label("Decision:")
    for paragraph in decision { doc.paragraph(paragraph) }
    doc.label("Reason(s) for decision:")
    doc.paragraph(reasonsLead)
    for item in reasonItems { doc.bullet([WordDocument.Run(item)]) }
    if let reasonsClose { doc.paragraph(reasonsClose) }
    doc.label("Cabinet Committee recommendations and other consultation:")
    doc.paragraph(consultation)
    doc.label("Any alternatives considered:")
    doc.paragraph(alternatives)
    doc.label(
      "Any interest declared when the decision was taken and any dispensation granted by the "
        + "Proper Officer:")
    doc.blank()
    doc.signatureLines()
  }

  /// The appendix: the financial implications, the contract table, the timetable as a table
  /// (a missed date's status in bold), the checks, then the author and director.
  func writeWordAppendix(to doc: inout WordDocument) {
    doc.heading("Appendix: financial implications and timetable")
    for paragraph in financialImplications { doc.paragraph(paragraph) }
    if !tableRows.isEmpty {
      doc.table(
        zip(RecordOfDecision.tableHeader, RecordOfDecision.wordWidths).enumerated().map {
          WordDocument.Column($0.element.0, width: $0.element.1, alignRight: $0.offset >= 4)
        }, wordTableRows)
    }
    doc.label("Timetable (as of \(DateStyle.long(asOf))):")
    doc.table(
      [
        WordDocument.Column("Step", width: 3_626), WordDocument.Column("Date", width: 2_200),
        WordDocument.Column("Status", width: 3_200),
      ],
      timetable.map { entry in
        [
          WordDocument.Run(entry.label),
          WordDocument.Run(entry.day.map { DateStyle.long($0) } ?? "not known"),
          WordDocument.Run(entry.status, bold: entry.missed),
        ]
      })
    if !checks.isEmpty {
      doc.label("For the drafter to check:")
      for check in checks { doc.bullet([WordDocument.Run(check.message)]) }
    }
    if let reportAuthor {
      doc.paragraph(
        [WordDocument.Run("Report author: ", bold: true), WordDocument.Run(reportAuthor)],
        keepWithNext: director != nil)
    }
    if let director {
      doc.paragraph([
        WordDocument.Run("Relevant director: ", bold: true), WordDocument.Run(director),
      ])
    }
  }

  /// The contract table's column widths in twips: the figures whole on one line (£11,302,200.00
  /// in 10 pt Arial), the name wrapping in what they leave.
  static let wordWidths = [2_226, 1_300, 1_300, 1_100, 1_400, 1_700]

  /// ``tableRows`` with the dates short (`30 Sep 2016`): a long date does not fit its column
  /// on one line beside five others.
  var wordTableRows: [[WordDocument.Run]] {
    zip(extended + notExtended, tableRows).map { p, row in
      var row = row
      if let end = p.currentEnd { row[1] = DateStyle.short(end) }
      if let end = p.proposedEnd { row[2] = DateStyle.short(end) }
      return row.map { WordDocument.Run($0) }
    }
  }
}
