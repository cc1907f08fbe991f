extension ProgrammeReport {
  /// One group on a page of its own: the proposal's table, cost and key-decision verdict,
  /// the deadlines, the flags, then the chart inline.
  func writeGroup<Target: TextOutputStream>(_ plan: GroupPlan, index: Int, to out: inout Target) {
    let id = "group-\(index + 1)"
    out.write(
      "<section class=\"group\" aria-labelledby=\"\(id)\">\n"
        + "<h2 id=\"\(id)\">\(h("Alignment proposal: \(plan.group)"))</h2>\n")
    if let refusal = plan.refusal {
      out.write("<p>No proposal: \(h(refusal)).</p>\n")
    }
    if let proposal = plan.proposal { writeProposal(proposal, to: &out) }
    if let chart = plan.chart {
      out.write("<figure class=\"chart\">\n")
      var options = GanttSVGOptions()
      options.idPrefix = "chart-\(index + 1)"
      options.width = chartWidth
      chart.writeSVG(to: &out, options: options)
      out.write(
        "<figcaption>\(h("Timeline of \(plan.group): bars are the contracts' terms; the legend under the chart names each pattern."))</figcaption>\n</figure>\n"
      )
    }
    out.write("</section>\n")
  }

  func writeProposal<Target: TextOutputStream>(_ p: AlignmentProposal, to out: inout Target) {
    out.write(
      "<p>\(h("Target end \(DateStyle.long(p.target)); new service from \(DateStyle.long(p.newServiceStart))."))</p>\n"
    )
    let rows = p.contracts.map { c in
      [
        c.contract.service.isEmpty ? c.contract.id : c.contract.service,
        c.contract.provider + (c.isCouncilLed ? "" : " (partner-led)"),
        c.currentEnd.map {
          DateStyle.short($0, precision: c.contract.end.precision).trimmingASCIISpaces
        } ?? "unknown",
        c.proposedEnd.map { DateStyle.short($0).trimmingASCIISpaces } ?? "",
        AlignmentProposal.extensionLabel(c), AlignmentProposal.costCell(c),
        c.withinOptions.map { $0 ? "within" : "beyond" } ?? "",
      ]
    }
    out.write(
      table(
        "Contracts of \(p.group) and their proposed ends",
        ["Contract", "Provider", "Ends", "New end", "Adds", "Cost", "Options"], rows,
        numeric: [5], short: [2, 3, 4, 6]))
    out.write("<p>\(h(p.costSentence))</p>\n<p>\(h(p.keyDecisionSentence))</p>\n")
    let deadlines = p.councilTimetable.map { entry in
      [
        entry.day.map { DateStyle.short($0).trimmingASCIISpaces } ?? "unknown", entry.label,
        entry.status.isEmpty ? "to come" : entry.status.lowercased(), entry.why,
      ]
    }
    out.write(
      table(
        "Deadlines for \(p.group)", ["Date", "Deadline", "Status", "Rule"], deadlines,
        short: [0, 2]))
    writeFlags(p, to: &out)
  }

  /// Each flagged contract with its flags, as `align` lists them.
  func writeFlags<Target: TextOutputStream>(_ p: AlignmentProposal, to out: inout Target) {
    let flagged = p.contracts.filter { !$0.flags.isEmpty }
    guard !flagged.isEmpty else { return }
    out.write("<h3>Flags and assumptions</h3>\n<ul class=\"flags\">\n")
    for c in flagged {
      out.write("<li>\(h(ContractProposal.name(c.contract)))<ul>")
      for flag in c.flags { out.write("<li>\(h(flag.message))</li>") }
      out.write("</ul></li>\n")
    }
    out.write("</ul>\n")
  }

  /// The diagnostics, errors first, each with its place in the register and the raw text
  /// its message quotes.
  func writeDiagnostics<Target: TextOutputStream>(to out: inout Target) {
    out.write(
      "<section class=\"group\" aria-labelledby=\"assumptions\">\n"
        + "<h2 id=\"assumptions\">Assumptions made reading the register</h2>\n")
    if diagnostics.isEmpty {
      out.write("<p>None: every value was read as written.</p>\n")
    }
    for severity in Severity.allCases.reversed() {
      let these = diagnostics.filter { $0.severity == severity }
      guard !these.isEmpty else { continue }
      let name = severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst() + "s"
      out.write(
        table(
          "\(name) (\(these.count))", ["Where", "What was read"],
          these.map { [$0.location?.description ?? "(the register)", $0.message.singleLine] }))
    }
    if otherDiagnostics > 0 {
      out.write(
        "<p>\(h("\(otherDiagnostics) more about other rows of the register; 'commission check' lists them."))</p>\n"
      )
    }
    out.write("</section>\n")
  }

  /// Screen and print styles: A4 pages, a group to a page, headers repeated on each page.
  static let css = """

    body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; color: #1a1a1a;
      max-width: 1160px; margin: 1.5em auto; padding: 0 1em; line-height: 1.35; }
    h1 { font-size: 18pt; margin: 0 0 0.2em; }
    h2 { font-size: 14pt; border-bottom: 2px solid #0072B2; padding-bottom: 0.15em;
      margin-top: 1.6em; }
    h3 { font-size: 12pt; }
    .meta { color: #444; margin-top: 0; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
    dt { font-weight: bold; }
    dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 10pt; }
    caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
    th, td { border: 1px solid #bbb; padding: 0.25em 0.45em; text-align: left;
      vertical-align: top; overflow-wrap: break-word; }
    thead th { background: #e8eef4; }
    tbody th { font-weight: normal; }
    tbody tr:nth-child(even) { background: #f6f6f6; }
    .num { text-align: right; white-space: nowrap; }
    .short { white-space: nowrap; }
    figure { margin: 1em 0; }
    figure svg { width: 100%; height: auto; display: block; }
    figcaption { font-size: 9pt; color: #444; }
    .flags li { margin: 0.2em 0; }
    @page { size: A4; margin: 14mm 12mm; }
    @page chart { size: A4 landscape; margin: 10mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
      .group { page-break-before: always; break-before: page; }
      thead { display: table-header-group; }
      tr, figure, caption { page-break-inside: avoid; break-inside: avoid; }
      figure { page: chart; margin: 0; }
      /* The whole chart on one landscape page: a tall one shrinks rather than splits. */
      figure svg { width: auto; height: auto; max-width: 100%; max-height: 178mm; }
      h2, h3 { page-break-after: avoid; break-after: avoid; }
      tbody tr:nth-child(even) { background: none; }
    }

    """
}
