/// A Mermaid `gantt` block: sections per group, exclusive end dates, escaped titles, markers.
public enum MermaidExport {
  /// The chart.
  ///
  /// Tasks run from the contract's start (or the as-of date when the register gives none) to
  /// the day after its end, as Mermaid's end dates are exclusive; a `vert` marker shows the
  /// as-of date and, with a proposal, its key dates as milestones.
  public static func gantt(
    register: Register, contracts: [Contract], asOf: Day, proposal: AlignmentProposal? = nil
  ) -> String {
    chart(register: register, contracts: contracts, asOf: asOf, proposal: proposal).text
  }

  /// The chart, and how many tasks and markers it leaves out because a date (an exclusive end
  /// is the day after) falls outside ``Day/writable``.
  public static func chart(
    register: Register, contracts: [Contract], asOf: Day, proposal: AlignmentProposal? = nil
  ) -> (text: String, omitted: Int) {
    var omitted = 0
    var out = "gantt\n"
    /// Appends the line when every day in it can be written as YYYY-MM-DD.
    func line(_ days: [Day], _ text: @autoclosure () -> String) {
      if days.allSatisfy({ Day.writable.contains($0) }) { out += text() } else { omitted += 1 }
    }
    out += "    title \(escape("Contracts · \(register.council.name) · \(register.name)"))\n"
    out += "    dateFormat YYYY-MM-DD\n"
    out += "    axisFormat %b %Y\n"
    line([asOf], "    As of \(escape(DateStyle.long(asOf))) :vert, asof, \(asOf.iso), 0d\n")
    var sections: [String] = []
    var bySection: [String: [Contract]] = [:]
    for c in contracts where c.endDay != nil {
      let section = c.groups.first ?? (c.department.isEmpty ? "No group" : c.department)
      if bySection[section] == nil { sections.append(section) }
      bySection[section, default: []].append(c)
    }
    for section in sections {
      out += "    section \(escape(section))\n"
      for c in bySection[section] ?? [] {
        guard let end = c.endDay else { continue }
        let start = min(c.startDay ?? asOf, end)
        let title = ContractProposal.name(c) + (c.startDay == nil ? " (start not given)" : "")
        line(
          [start, end.next],
          "    \(escape(title)) :\(taskId(c.id)), \(start.iso), \(end.next.iso)\n")
        if let extent = c.maximumExtent, extent > end {
          line(
            [end.next, extent.next],
            "    \(escape("Options: " + (c.service.isEmpty ? c.id : c.service))) :done, \(taskId(c.id + "-options")), \(end.next.iso), \(extent.next.iso)\n"
          )
        }
      }
    }
    if let p = proposal {
      out += "    section \(escape("Alignment: \(p.group)"))\n"
      for e in p.extensions {
        guard let from = e.currentEnd, let to = e.proposedEnd else { continue }
        line(
          [from.next, to.next],
          "    \(escape("Extend " + ContractProposal.name(e.contract))) :active, \(taskId(e.contract.id + "-ext")), \(from.next.iso), \(to.next.iso)\n"
        )
      }
      let dates: [(String, String, Day?)] = [
        ("Notice by", "notice", p.noticeBy?.day), ("Decision by", "decision", p.decisionBy?.day),
        ("Procurement start by", "procurement", p.procurementStartBy.day),
      ]
      for (label, id, day) in dates {
        guard let day else { continue }
        line([day], "    \(escape(label)) :milestone, \(id), \(day.iso), 0d\n")
      }
      line([p.target], "    Target end :vert, target, \(p.target.iso), 0d\n")
    }
    return (out, omitted)
  }

  /// Task titles cannot hold `:`, `#` or `;` (they break the parser): Mermaid's entity codes.
  /// By scalar: a colon followed by a combining mark is still a colon to the parser.
  public static func escape(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case ":": out.append(contentsOf: "#58;".unicodeScalars)
      case "#": out.append(contentsOf: "#35;".unicodeScalars)
      case ";": out.append(contentsOf: "#59;".unicodeScalars)
      case "\n", "\r": out.append(" ")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Task ids: letters, digits, dashes and underscores only.
  static func taskId(_ id: String) -> String {
    String(
      id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
  }
}
