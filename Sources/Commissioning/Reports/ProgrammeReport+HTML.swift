extension ProgrammeReport {
  /// The report as one self-contained HTML page: no script, no external file or font, print
  /// styles for A4 (each group on a new page, table headers repeated), and every mark told in
  /// words as well as colour. Everything from the register is escaped.
  public func writeHTML<Target: TextOutputStream>(to out: inout Target) {
    out.write(
      """
      <!DOCTYPE html>
      <html lang="en-GB">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(h(title))</title>
      <style>\(ProgrammeReport.css)</style>
      </head>
      <body>
      <header>
      <h1>\(h(title))</h1>
      <p class="meta">\(h("\(councilName) · register \(registerName) · as of \(DateStyle.long(asOf))"))</p>
      </header>
      <main>

      """)
    writeSummary(to: &out)
    writeExpiry(to: &out)
    for (index, plan) in groups.enumerated() { writeGroup(plan, index: index, to: &out) }
    writeDiagnostics(to: &out)
    out.write("</main>\n</body>\n</html>\n")
  }

  var title: String {
    group.map { "Programme report: \($0)" } ?? "Commissioning report: \(registerName)"
  }

  /// Escaped for HTML text and attributes.
  func h(_ text: String) -> String { Markup.escapeXML(text.singleLine) }

  /// A table with a caption, column headers (`scope="col"`) and rows whose first cell heads
  /// the row (`scope="row"`); `numeric` columns are right-aligned.
  /// Columns in `short` (dates, statuses) are kept on one line, so `30 Sep 2016` never breaks.
  func table(
    _ caption: String, _ headers: [String], _ rows: [[String]], numeric: Set<Int> = [],
    short: Set<Int> = []
  ) -> String {
    func kind(_ index: Int) -> String {
      numeric.contains(index) ? " class=\"num\"" : short.contains(index) ? " class=\"short\"" : ""
    }
    var html = "<table>\n<caption>\(h(caption))</caption>\n<thead><tr>"
    for (index, header) in headers.enumerated() {
      html += "<th scope=\"col\"\(kind(index))>\(h(header))</th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        let kind = kind(index)
        html +=
          index == 0
          ? "<th scope=\"row\"\(kind)>\(h(cell))</th>" : "<td\(kind)>\(h(cell))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }

  /// The figures, the groups and the next deadlines, as `summary` gives them.
  func writeSummary<Target: TextOutputStream>(to out: inout Target) {
    out.write("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n")
    var counts = "\(summary.contracts): \(summary.dated) dated, \(summary.undated) undated"
    if summary.ungrouped > 0 { counts += "; \(summary.ungrouped) in no group" }
    let value = summary.annualValue
    var valueText = value.totalText + " a year"
    if !value.caveats.isEmpty { valueText += " (" + value.caveats.joined(separator: "; ") + ")" }
    out.write(
      "<dl>\n<dt>Contracts</dt><dd>\(h(counts))</dd>\n"
        + "<dt>Annual value</dt><dd>\(h(valueText))</dd>\n</dl>\n")
    let groupRows = summary.groups.map { g in
      [
        g.group, String(g.contracts.count), g.spreadText,
        g.verdict.map { $0 ? "yes" : "no" } ?? "unknown",
      ]
    }
    out.write(
      table(
        "Groups: end dates are aligned when within \(summary.toleranceDays) days of each other",
        ["Group", "Contracts", "Spread", "Aligned"], groupRows, numeric: [1]))
    let deadlineRows = summary.deadlines.map { d in
      [
        DateStyle.short(d.milestone.day).trimmingASCIISpaces, d.group, d.milestone.kind.label,
        "in \(d.daysLeft) day\(d.daysLeft == 1 ? "" : "s")",
      ]
    }
    if !showsDeadlines {
      // A programme's own deadlines, to the target asked for, are under its proposal.
      out.write("<p>Each group's deadlines are listed under its alignment proposal.</p>\n")
    } else if deadlineRows.isEmpty {
      out.write("<p>No deadline lies ahead of \(h(DateStyle.long(asOf))).</p>\n")
    } else {
      out.write(
        table(
          "Next deadlines (each group's contracts extended to its latest current end)",
          ["Date", "Group", "Deadline", "Time left"], deadlineRows, short: [0, 3]))
    }
    out.write("</section>\n")
  }

  /// The contracts ending by `by`, soonest first, as `expiring` lists them.
  func writeExpiry<Target: TextOutputStream>(to out: inout Target) {
    let heading = "Contracts ending by \(DateStyle.long(by))"
    out.write("<section aria-labelledby=\"expiring\">\n<h2 id=\"expiring\">\(h(heading))</h2>\n")
    let rows: [[String]] = expiry.contracts.compactMap { contract in
      guard let end = contract.endDay else { return nil }
      let days = (end - asOf).days
      return [
        contract.service.isEmpty ? "(no service name)" : contract.service,
        contract.provider.isEmpty ? "-" : contract.provider,
        DateStyle.short(end, precision: contract.end.precision).trimmingASCIISpaces,
        days < 0 ? "ended \(-days) days ago" : days == 0 ? "today" : "in \(days) days",
        ExpiryReport.valueLabel(contract),
        contract.optionsLeft.map { "+" + $0.compact } ?? "none",
      ]
    }
    if rows.isEmpty {
      out.write("<p>No dated contract ends by \(h(DateStyle.long(by))).</p>\n")
    } else {
      out.write(
        table(
          "\(rows.count) contract\(rows.count == 1 ? " ends" : "s end") by \(DateStyle.long(by))",
          ["Service", "Provider", "Ends", "When", "Value", "Options left"], rows, numeric: [4],
          short: [2, 3, 5]))
      let sum = expiry.annualTotal
      out.write(
        "<p>\(h("Annual value \(sum.totalText)" + (sum.caveats.isEmpty ? "" : " (" + sum.caveats.joined(separator: "; ") + ")") + ". Values: pa = a year, total = whole term, ~ = estimate."))</p>\n"
      )
    }
    if !expiry.undated.isEmpty {
      out.write(
        table(
          "Undated: contracts with no usable end date", ["Service", "Provider", "Why"],
          expiry.undated.map {
            [
              $0.service.isEmpty ? "(no service name)" : $0.service, $0.provider,
              $0.end.undated?.reason ?? "no date",
            ]
          }))
    }
    out.write("</section>\n")
  }
}
