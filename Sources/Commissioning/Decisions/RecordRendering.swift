extension RecordOfDecision {
  /// The appendix's contract table: one row per contract the record covers.
  var tableRows: [[String]] {
    (extended + notExtended).map { p in
      [
        ContractProposal.name(p.contract),
        p.currentEnd.map { DateStyle.long($0) } ?? "not known",
        p.proposedEnd.map { DateStyle.long($0) } ?? "",
        !p.isCouncilLed
          ? "by \(p.contract.commissioner.singleLine)"
          : p.extends
            ? (p.extensionMonths != nil ? RecordOfDecision.lengthText(p) : "not known") : "none",
        p.contract.annualValue.map { $0.formatted } ?? "not known",
        !p.isCouncilLed
          ? "the partner's" : p.extends ? p.councilCostText(unknown: "not known") : "£0.00",
      ]
    }
  }

  static let tableHeader = [
    "Contract", "Current end", "New end", "Extension", "Annual value", "Cost",
  ]

  /// The decision maker, with the person's name when given.
  var takenBy: String {
    decisionMaker + (decisionMakerName.map { " (\($0))" } ?? "")
  }

  // MARK: - Markdown

  /// The record in Markdown, every value escaped so it shows as written.
  public func writeMarkdown<Target: TextOutputStream>(to out: inout Target) {
    let e = Markup.escapeMarkdown
    out.write("# \(e(title))\n\n")
    out.write("**DECISION TO BE TAKEN BY:**\n\n\(e(takenBy))\n\n")
    out.write("**DECISION NO:**\n\n\(e(decisionNumber))\n\n")
    out.write("**\(e(classification))**\n\n")
    out.write("**Subject:** \(e(subject))\n\n")
    out.write("**Decision:**\n\n")
    for paragraph in decision { out.write("\(e(paragraph))\n\n") }
    out.write("**Reason(s) for decision:**\n\n\(e(reasonsLead))\n\n")
    for item in reasonItems { out.write("- \(e(item))\n") }
    if !reasonItems.isEmpty { out.write("\n") }
    if let reasonsClose { out.write("\(e(reasonsClose))\n\n") }
    out.write(
      "**Cabinet Committee recommendations and other consultation:**\n\n\(e(consultation))\n\n")
    out.write("**Any alternatives considered:**\n\n\(e(alternatives))\n\n")
    out.write(
      "**Any interest declared when the decision was taken and any dispensation granted by the Proper Officer:**\n\n\n\n"
    )
    out.write(
      "```\n.........................................................   ..............................\nsigned                                                      date\n```\n\n"
    )
    out.write("---\n\n## Appendix: financial implications and timetable\n\n")
    for paragraph in financialImplications { out.write("\(e(paragraph))\n\n") }
    if !tableRows.isEmpty {
      out.write("| " + RecordOfDecision.tableHeader.joined(separator: " | ") + " |\n")
      out.write("| --- | --- | --- | --- | ---: | ---: |\n")
      for row in tableRows { out.write("| " + row.map(e).joined(separator: " | ") + " |\n") }
      out.write("\n")
    }
    out.write("**Timetable** (as of \(DateStyle.long(asOf))):\n\n")
    for entry in timetable {
      let date = entry.day.map { DateStyle.long($0) } ?? "not known"
      let status = entry.missed ? "**\(e(entry.status))**" : e(entry.status)
      out.write("- \(e(entry.label)): \(date) (\(status))\n")
    }
    if !checks.isEmpty {
      out.write("\n**For the drafter to check:**\n\n")
      for check in checks { out.write("- \(e(check.message))\n") }
    }
    if reportAuthor != nil || director != nil {
      out.write("\n")
      if let reportAuthor { out.write("Report author: \(e(reportAuthor))  \n") }
      if let director { out.write("Relevant director: \(e(director))\n") }
    }
  }

  // MARK: - Plain text

  /// The record as plain text wrapped at `width` columns, for email.
  public func writeText<Target: TextOutputStream>(to out: inout Target, width: Int = 80) {
    func para(_ text: String, indent: String = "") {
      for line in Prose.wrap(indent + text, width: width, indent: indent) { out.write(line + "\n") }
    }
    para(title)
    out.write("\n")
    out.write("DECISION TO BE TAKEN BY:\n")
    para(takenBy)
    out.write("\nDECISION NO:\n\(decisionNumber)\n\n\(classification)\n\n")
    para("Subject: \(subject)")
    out.write("\nDecision:\n")
    for (index, paragraph) in decision.enumerated() {
      if index > 0 { out.write("\n") }
      para(paragraph)
    }
    out.write("\nReason(s) for decision:\n")
    para(reasonsLead)
    if !reasonItems.isEmpty { out.write("\n") }
    for item in reasonItems {
      for line in Prose.wrap("- " + item, width: width, indent: "  ") { out.write(line + "\n") }
    }
    if let reasonsClose {
      out.write("\n")
      para(reasonsClose)
    }
    out.write("\n")
    para("Cabinet Committee recommendations and other consultation:")
    para(consultation)
    out.write("\nAny alternatives considered:\n")
    para(alternatives)
    out.write("\n")
    para(
      "Any interest declared when the decision was taken and any dispensation granted by the "
        + "Proper Officer:")
    out.write("\n\n")
    // Two dotted lines for the signature and the date, 50 and 25 wide, narrower to fit.
    let signed = min(50, (width - 3) * 2 / 3)
    let dated = min(25, width - 3 - signed)
    out.write(
      String(repeating: ".", count: signed) + "   " + String(repeating: ".", count: dated) + "\n")
    out.write("signed".padded(signed + 4) + "date\n")
    out.write("\n" + String(repeating: "-", count: min(width, 80)) + "\n\n")
    writeTextAppendix(to: &out, width: width)
  }

  /// The appendix in plain text: the financial implications, the contracts, the timetable and
  /// the checks.
  func writeTextAppendix<Target: TextOutputStream>(to out: inout Target, width: Int) {
    func para(_ text: String) {
      for line in Prose.wrap(text, width: width) { out.write(line + "\n") }
    }
    para("APPENDIX: FINANCIAL IMPLICATIONS AND TIMETABLE")
    out.write("\n")
    for paragraph in financialImplications {
      para(paragraph)
      out.write("\n")
    }
    // The contracts as a list: a table of six columns does not survive 80 columns.
    if !tableRows.isEmpty { out.write("Contracts:\n") }
    for row in tableRows {
      for line in Prose.wrap("- " + row[0], width: width, indent: "  ") { out.write(line + "\n") }
      let detail =
        "ends \(row[1]); new end \(row[2]); extension \(row[3]); annual value \(row[4]); cost \(row[5])"
      for line in Prose.wrap(detail, width: width - 4) { out.write("    " + line + "\n") }
    }
    out.write("\(tableRows.isEmpty ? "" : "\n")Timetable (as of \(DateStyle.long(asOf))):\n")
    for entry in timetable {
      let date = entry.day.map { DateStyle.short($0) } ?? "  not known"
      // The status beside the label from 64 columns; under it, indented, when narrower.
      let column = width >= 64 ? 40 : 15
      let lines = Prose.wrap(entry.status, width: width - column)
      if column == 40 {
        out.write("  \(date)  \(entry.label.padded(24))\(lines.first ?? "")\n")
      } else {
        out.write("  \(date)  \(entry.label)\n")
      }
      for line in lines.dropFirst(column == 40 ? 1 : 0) {
        out.write(String(repeating: " ", count: column) + line + "\n")
      }
    }
    if !checks.isEmpty {
      out.write("\nFor the drafter to check:\n")
      for check in checks {
        for line in Prose.wrap("- " + check.message, width: width, indent: "  ") {
          out.write(line + "\n")
        }
      }
    }
    if reportAuthor != nil || director != nil { out.write("\n") }
    if let reportAuthor { para("Report author: \(reportAuthor)") }
    if let director { para("Relevant director: \(director)") }
  }

  // MARK: - HTML

  /// One standalone printable page, every value escaped, with a print stylesheet.
  public func writeHTML<Target: TextOutputStream>(to out: inout Target) {
    let e = Markup.escapeXML
    var h = """
      <!DOCTYPE html>
      <html lang="en-GB">
      <head>
      <meta charset="utf-8">
      <title>\(e(decisionNumber)) \(e(subject))</title>
      <style>
      body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 48em; margin: 2em auto; color: #000; }
      h1 { font-size: 13pt; text-align: center; margin-bottom: 1.5em; }
      h2 { font-size: 12pt; margin-top: 2em; }
      .field { font-weight: bold; margin: 1.2em 0 0.3em; }
      table { border-collapse: collapse; width: 100%; font-size: 10pt; }
      th, td { border: 1px solid #777; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
      td.num, th.num { text-align: right; white-space: nowrap; }
      .signature { margin-top: 3em; display: flex; justify-content: space-between; }
      .signature div { border-top: 1px dotted #000; width: 45%; padding-top: 0.2em; }
      .missed { font-weight: bold; }
      .checks { border: 1px solid #000; padding: 0.5em 1em; }
      @media print { body { margin: 0; max-width: none; } .appendix { page-break-before: always; } }
      </style>
      </head>
      <body>
      <h1>\(e(title))</h1>
      <p class="field">DECISION TO BE TAKEN BY:</p><p>\(e(takenBy))</p>
      <p class="field">DECISION NO:</p><p>\(e(decisionNumber))</p>
      <p class="field">\(e(classification))</p>
      <p><strong>Subject:</strong> \(e(subject))</p>
      <p class="field">Decision:</p>\(decision.map { "<p>\(e($0))</p>" }.joined())
      <p class="field">Reason(s) for decision:</p><p>\(e(reasonsLead))</p>

      """
    if !reasonItems.isEmpty {
      h += "<ul>\n" + reasonItems.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
    }
    if let reasonsClose { h += "<p>\(e(reasonsClose))</p>\n" }
    h += """
      <p class="field">Cabinet Committee recommendations and other consultation:</p><p>\(e(consultation))</p>
      <p class="field">Any alternatives considered:</p><p>\(e(alternatives))</p>
      <p class="field">Any interest declared when the decision was taken and any dispensation granted by the Proper Officer:</p><p>&nbsp;</p>
      <div class="signature"><div>signed</div><div>date</div></div>
      <section class="appendix">
      <h2>Appendix: financial implications and timetable</h2>

      """
    out.write(h + htmlAppendix)
  }

  /// The appendix in HTML, up to the page's end.
  var htmlAppendix: String {
    let e = Markup.escapeXML
    var h = ""
    for paragraph in financialImplications { h += "<p>\(e(paragraph))</p>\n" }
    h += tableRows.isEmpty ? "" : htmlTable
    h +=
      "<p class=\"field\">Timetable (as of \(e(DateStyle.long(asOf)))):</p>\n<ul>\n"
    for entry in timetable {
      let date = entry.day.map { DateStyle.long($0) } ?? "not known"
      h +=
        "<li>\(e(entry.label)): \(e(date)) <span\(entry.missed ? " class=\"missed\"" : "")>(\(e(entry.status)))</span></li>\n"
    }
    h += "</ul>\n"
    if !checks.isEmpty {
      h += "<div class=\"checks\"><p class=\"field\">For the drafter to check:</p>\n<ul>\n"
      h += checks.map { "<li>\(e($0.message))</li>\n" }.joined()
      h += "</ul></div>\n"
    }
    if let reportAuthor { h += "<p>Report author: \(e(reportAuthor))</p>\n" }
    if let director { h += "<p>Relevant director: \(e(director))</p>\n" }
    return h + "</section>\n</body>\n</html>\n"
  }

  // MARK: - JSON

  /// Every field, for other tools.
  public var json: JSON {
    .object([
      ("title", .string(title)),
      ("council", .string(councilName)),
      ("decisionMaker", .string(decisionMaker)),
      ("decisionMakerName", .string(decisionMakerName)),
      ("decisionNumber", .string(decisionNumber)),
      ("classification", .string(classification)),
      ("subject", .string(subject)),
      ("kind", .string(kind.rawValue)),
      ("decision", .string(decision.joined(separator: "\n\n"))),
      (
        "reasons",
        .object([
          ("lead", .string(reasonsLead)),
          ("items", .array(reasonItems.map { .string($0) })),
          ("close", .string(reasonsClose)),
        ])
      ),
      ("consultation", .string(consultation)),
      ("alternatives", .string(alternatives)),
      (
        "keyDecision",
        .object([
          ("required", .bool(keyDecision.required)),
          ("basis", .string(keyDecision.basis)),
          ("amount", .money(keyDecision.amount)),
          ("threshold", .money(keyDecision.threshold)),
        ])
      ),
      ("group", .string(proposal.group)),
      ("newEnd", .day(newEnd)),
      ("asOf", .day(asOf)),
      ("contracts", contractsJSON),
      ("totalCost", .money(RecordOfDecision.sum(extended))),
      ("totalOverflowed", .bool(CostSum(extended).overflowed > 0)),
      ("financialImplications", .array(financialImplications.map { .string($0) })),
      ("timetable", timetableJSON),
      ("award", award.map(\.json) ?? .null),
      ("variation", variation.map(\.json) ?? .null),
      ("checks", .array(checks.map(\.json))),
      ("reportAuthor", .string(reportAuthor)),
      ("director", .string(director)),
    ])
  }
}

extension RecordOfDecision {
  /// The appendix's contract table in HTML, the value columns right-aligned.
  var htmlTable: String {
    let e = Markup.escapeXML
    var h = "<table>\n<thead><tr>"
    for (index, header) in RecordOfDecision.tableHeader.enumerated() {
      h += index >= 4 ? "<th class=\"num\">\(header)</th>" : "<th>\(header)</th>"
    }
    h += "</tr></thead>\n<tbody>\n"
    for row in tableRows {
      h +=
        "<tr>"
        + row.enumerated().map {
          $0.offset >= 4 ? "<td class=\"num\">\(e($0.element))</td>" : "<td>\(e($0.element))</td>"
        }.joined() + "</tr>\n"
    }
    return h + "</tbody>\n</table>\n"
  }
}

extension AwardTerms {
  var json: JSON {
    .object([
      ("contract", .string(contract)), ("provider", .string(provider)),
      ("service", .string(service)),
      ("currentProvider", .bool(currentProvider)), ("start", .day(start)), ("end", .day(end)),
      ("value", .money(value)), ("valueBasis", .string(basis.rawValue)),
      ("wholeValue", .money(wholeValue)),
    ])
  }
}

extension Variation {
  var json: JSON {
    .object([
      ("id", .string(contract.contract.id)),
      ("name", .string(ContractProposal.name(contract.contract))),
      ("change", .money(change)), ("original", .money(original)), ("scope", .string(scope)),
      ("percent", .string(permille.map(RecordCheck.percent))),
      ("limitPercent", .int(Variation.limitPercent)),
      ("exceedsLimit", .bool(exceeds(limitPercent: Variation.limitPercent))),
    ])
  }
}

extension RecordOfDecision {
  /// The contracts the record extends and those it covers that need no extension.
  var contractsJSON: JSON {
    .array(
      (extended + notExtended).map { p in
        .object([
          ("id", .string(p.contract.id)),
          ("name", .string(ContractProposal.name(p.contract))),
          ("action", .string(p.action.rawValue)),
          ("currentEnd", .day(p.currentEnd)),
          ("proposedEnd", .day(p.proposedEnd)),
          ("extensionDays", p.extensionDays.map { .int($0) } ?? .null),
          ("annualValue", .money(p.contract.annualValue)),
          ("cost", p.extends ? .money(p.cost) : .money(Money.zero)),
          ("councilCost", p.extends && p.isCouncilLed ? .money(p.councilCost) : .money(Money.zero)),
          ("commissioner", .string(p.isCouncilLed ? nil : p.contract.commissioner)),
          ("withinOptions", p.withinOptions.map { .bool($0) } ?? .null),
        ])
      })
  }

  var timetableJSON: JSON {
    .array(
      timetable.map { t in
        .object([
          ("label", .string(t.label)), ("date", .day(t.day)), ("status", .string(t.status)),
          ("missed", .bool(t.missed)), ("rule", t.rule.map(\.json) ?? .null),
        ])
      })
  }
}
