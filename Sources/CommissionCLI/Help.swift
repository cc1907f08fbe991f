import Commissioning

/// Help texts: short, with an example for every command.
enum Help {
  static let version = "commission 0.1.0"

  static var overview: String {
    var text = """
      commission: plan a council's contracts from its register.

      Usage: commission <command> [options] [REGISTER ...]

      REGISTER is a CSV file, a register folder (its CSVs, grid and council.json), or - for
      standard input. With none, the bundled Kent register (March 2016) is used.

      Commands:

      """
    for command in CommandName.allCases {
      // A name too long for the column goes on its own line, the summary under the others'.
      let name =
        command.rawValue.count < 12
        ? command.rawValue.padded(12) : command.rawValue + "\n" + "".padded(14)
      text += "  " + name + command.summary + "\n"
    }
    text += "  " + "help".padded(12) + "help for a command: commission help expiring\n"
    text += "  " + "completion".padded(12) + "print a bash, zsh or fish completion script\n"
    text += """

      Options for every command:
        --as-of DATE     today's date for every calculation (default: the system date)
        --format FORMAT  text (default), json, csv; svg for gantt; markdown, html for decision;
                         docx (a Word file, with --output) for decision and align --group;
                         html for report
        --output FILE    write to FILE atomically instead of standard output (- for it)
        --width N        fit text output to N columns, 40 to 1000 (default: the terminal's
                         width, else $COLUMNS, else 100); for a chart drawn as SVG (gantt
                         --format svg, report), its width in pixels, 600 to 4000 (default
                         1123, A4 landscape)
        --quiet, -q      no line on standard error about the warnings behind an answer
        --max-input-size SIZE
                         refuse any one input larger than SIZE, in bytes or with K, M, G
                         or T (default: \(Invocation.sizeText(Files.defaultMaxInputSize)))
        --help           help for a command; --version prints the version

      Dates: ISO (2016-09-30) or day-first as written in the UK (30/09/2016, 30 Sep 2016,
      30 September 2016).

      Completion: commission completion bash|zsh|fish prints a script for the shell, for
      example: eval "$(commission completion bash)"

      Example: commission expiring --by 2016-09-30 --as-of 2016-03-22
      """
    return text + "\n"
  }

  static func text(for command: CommandName) -> String {
    switch command {
    case .summary:
      return """
        Usage: commission summary [--as-of DATE] [--width N] [--format text|json] [REGISTER ...]

        The register at a glance: how many contracts (dated and undated), their annual value
        (values that are unknown are counted, never added as £0), each group with its members,
        its end-date spread and whether it is aligned, the next ten deadlines over every group's
        timetable (each group extended to its latest current end, as align does for all groups), and
        how many errors, warnings and notes the reading left ('commission check' lists them).

        Example: commission summary --as-of 2016-03-22

        """
    case .expiring:
      return """
        Usage: commission expiring --by DATE [--as-of DATE] [--group G] [--provider P]
                                   [--department D] [--sort end|value|provider|group]
                                   [--format text|json|csv] [REGISTER ...]

        Lists contracts whose current end is on or before DATE (inclusive), soonest first,
        with days from the as-of date, value and its basis, options left and group. Those
        already ended at the as-of date are marked. Contracts with no usable end date are
        listed after, each with its reason. --sort value puts the largest annual value first
        (a whole-term total by its yearly share), provider and group sort A to Z; ties keep
        register order, and a contract with no value, provider or group comes last.

        --provider takes a name as the register (or an alias) spells it, ignoring case, or a
        part of exactly one provider's name, noted on standard error. --department takes a
        department's name, ignoring case, or a part of exactly one, noted the same way. An
        unknown group, provider or department, or a part of several, is an error (exit 1)
        naming them.

        Example: commission expiring --by 2016-09-30 --as-of 2016-03-22

        """
    case .align:
      return """
        Usage: commission align [--group G | --all] [--to DATE | --start DATE] [--as-of DATE]
                                [--format text|json|csv|docx] [REGISTER ...]

        Without --group, lists every group with its earliest and latest current end, the spread
        in days, and whether that is within the council's tolerance.

        With --group, proposes extending the group's contracts to one end date: --to DATE, or
        --start DATE for a new service starting then (the target is the day before), or by
        default the latest current end in the group. For each contract: the extension in days and
        months, its cost pro rata on the annual value (whole months × annual/12, remaining days ×
        annual/365), whether it is within the options, and the value change. Then the key-decision
        test, the decision, notice and procurement deadlines (missed ones marked), and the flags.
        --format docx writes the same as a Word document (tables for the contracts and the
        deadlines) to paste into a committee report; give --output FILE.

        With --all, proposes for every group at once (each to its latest current end, or all to
        --to / --start) and prints one line per group with the programme's totals.

        Example: commission align --group childrens-public-health --start 2017-04-01 --as-of 2016-03-22

        """
    case .gantt:
      return """
        Usage: commission gantt [--from DATE] [--until DATE] [--scale month|quarter|year]
                                [--group G [--to DATE | --start DATE]] [--width N] [--ascii]
                                [--format text|svg|json] [--as-of DATE] [REGISTER ...]

        Draws a timeline: one row per contract under its group (or department), its current term,
        a month-only end, the options left to its maximum extent, and the commissioning grid's
        stages (A P D R K) in their quarters; the as-of day on every row. With --group and --to
        (the target end, as in align; --target is its older name) or --start, the alignment
        proposal is overlaid: proposed extensions and the key dates (notice, committee, decision,
        procurement start, target). Undated contracts and plan-versus-register mismatches are
        listed under the chart.

        The window is --from to --until; it defaults to a year before and three years after the
        as-of date, fitted to the rows. The scale defaults to the finest that fits --width; names
        come first, so at narrow widths each name gets a line of its own above its bar.
        --format svg writes a standalone chart for a committee paper, --width pixels wide
        (default 1123, A4 landscape), names wrapped and never cut; colour only on a terminal,
        never with NO_COLOR or TERM=dumb.

        Example: commission gantt --group childrens-public-health --start 2017-04-01 --as-of 2016-03-22

        """
    case .report:
      return """
        Usage: commission report [--group G] [--to DATE | --start DATE] [--by DATE]
                                 [--width PIXELS] [--output FILE.html] [--as-of DATE]
                                 [REGISTER ...]

        Writes one self-contained HTML page (no scripts, no external files or fonts) for a
        programme (--group) or the whole register: the summary, the contracts ending by --by
        (default a year after the as-of date), each group's alignment proposal (to --to, to the
        day before --start, else to its latest end) with its deadlines and flags, its timeline
        chart inline, and the assumptions made reading the register. It prints on A4 with each
        group on a new page and table headers repeated; marks are told in words and patterns,
        not colour alone.

        Example: commission report --group childrens-public-health --start 2017-04-01 --as-of 2016-03-22 --output programme.html

        """
    case .decision:
      return """
        Usage: commission decision --group G [--to DATE | --start DATE] [--spec FILE.json]
                                   [--kind extend|award|vary] [--form propose|agree]
                                   [--provider NAME] [--service TEXT] [--value MONEY]
                                   [--contract-start DATE] [--contract-end DATE]
                                   [--change MONEY] [--scope TEXT]
                                   [--decision-number YY/NNNNN] [--decision-maker ROLE]
                                   [--decision-maker-name NAME] [--committee NAME]
                                   [--meeting-date DATE] [--notice-date DATE] [--subject TEXT]
                                   [--purpose TEXT] [--alternatives TEXT] [--exempt PARAGRAPH]
                                   [--author TEXT] [--director TEXT] [--contracts ID,ID,...]
                                   [--format markdown|text|html|json|docx] [--as-of DATE]
                                   [REGISTER ...]

        Drafts the Proposed Record of Decision for extending the group's contracts to one end
        date (chosen as for align), in the council's layout: who decides, the number, the
        subject, the decision, the reasons (the key-decision test and each contract's annual
        value), the committee, alternatives, interests and the signature line; then an appendix
        with the financial implications, the contract table and the timetable, missed dates
        called out. --contracts limits the record to some of the group (a contract led by
        another commissioner still shapes the target). Flags override the spec's fields, and a
        register on the command line overrides the spec's.

        --kind award drafts entering into a new contract (--provider, --service, --value,
        --contract-start, --contract-end, or the one contract named with --contracts); the
        key-decision test is on the whole contract value. --kind vary drafts a change to the
        one contract named: --change MONEY (negative for a reduction) and --scope TEXT, the
        change measured against the 10% modification limit. --form agree words it "I agree
        to: Extend ..." as Kent's 2016 records do. Every check has a stable code (see the
        Codes article). --format docx writes the record as a Word document (A4, the appendix
        on its own page, its tables as Word tables) with --output FILE.

        Example: commission decision --spec Examples/decision-16-00038.json --format text
                 commission decision --spec Examples/decision-15-00068.json
                 commission decision --spec Examples/decision-16-00038.json --format docx \\
                   --output record.docx

        """
    case .whatif:
      return """
        Usage: commission whatif SCENARIO.json [SCENARIO.json ...] [--gantt [--from DATE]
                                 [--until DATE] [--ascii]] [--as-of DATE]
                                 [--format text|json|csv] [--width N]

        Applies each scenario file to its register (its "register", relative to the file, or the
        bundled one) and prints the baseline and each scenario side by side: total extension
        cost, extensions, extensions beyond options, key decisions, missed deadlines, each named
        group's end-date spread, and every contract whose end differs, with its cost. A scenario
        may extend another ("extends"), whose changes apply first. Changes: align, extend, set,
        add, remove, stagger, rules (see Examples/README.md). A scenario's "asOf" wins over
        --as-of. --gantt draws each scenario's timeline under the comparison, from --from to
        --until (default: the earliest "as of" to the latest proposed end).

        Example: commission whatif Examples/2016-align-with-camhs-april-2017.json Examples/2016-stagger-ends.json

        """
    case .export:
      return """
        Usage: commission export [--format csv|json|ics|mermaid|ocds|tidy|jsonl] [--group G]
                                 [--by DATE]
                                 [--to DATE | --start DATE] [--alarms 180,90,30]
                                 [--as-of DATE] [--output FILE] [REGISTER ...]

        Writes the register (filtered by --group and --by) as:
          csv      the canonical register (default); imports back to the same register, and
                   cells a spreadsheet would run as formulas are neutralised
          json     every contract's raw and parsed values, and the diagnostics
          ics      an iCalendar file of key dates (ends, maximum extents, reviews; with
                   --group and --to (or --target) or --start, the notice, decision and
                   procurement dates)
                   with reminders (--alarms, days before), for Outlook and other calendars
          mermaid  a Mermaid gantt block for Markdown reports
          ocds     an OCDS 1.1 release package (contracts, periods, amendments, milestones)
          tidy     one flat CSV row per contract for DuckDB, Spark or a pivot table: ISO
                   dates with their precision, plain decimals, empty when unknown
          jsonl    the tidy rows as JSON Lines, one object a line

        Example: commission export --format ics --as-of 2016-03-22 --output kent.ics

        """
    case .import:
      return """
        Usage: commission import FILE --from ocds|csv|json [--output FILE]

        Reads OCDS (a release package, a record package, a release, a JSON array of these, or
        JSON Lines, as Contracts Finder publishes them), a council CSV with foreign headers, or
        a register exported with 'export --format json' (its cells as written, perhaps edited),
        and writes a canonical register CSV; what was mapped, salvaged and assumed goes to
        standard error with a summary. Every other command then works on the result.

        Example: commission import releases.jsonl --from ocds --output register.csv

        """
    case .opportunities:
      return """
        Usage: commission opportunities [--cpv-digits N] [--window LENGTH]
                                        [--postcode-area LETTERS] [--buyer NAME]
                                        [--as-of DATE] [--format text|json|tidy] [REGISTER ...]

        Across buyers (the register's buyer column; empty is the council), finds contracts
        that could be re-procured together: the same main CPV code to N digits (2 to 8,
        default 3) or the same provider, ending within LENGTH of each other (default 6m),
        held by two or more buyers, and ending on or after --as-of. --postcode-area keeps
        buyers whose postcode starts with those letters. Clusters rank by combined annual
        value; each proposes a common end (the latest current end), each member's extension,
        its cost and whether its options allow it, and the procurement start the route needs.
        --buyer NAME shows only that buyer's clusters, with a sentence saying how close its
        contract's end is to the others'. A cluster is an opportunity to look at, not advice.

        Example: commission opportunities register.csv --buyer "Durham County Council"

        """
    case .check:
      return """
        Usage: commission check [--strict] [--min-severity note|warning|error]
                                [--format text|json] [REGISTER ...]

        Reads the registers and prints every diagnostic as FILE:LINE:COLUMN: severity: message,
        then a summary. Exits 0 when there are no errors, 65 when there are; --strict counts
        warnings as errors. --min-severity warning lists only warnings and errors; the summary
        still counts every diagnostic and says how many were hidden. Registers given together are compared: a contract both describe
        (same id, or same provider and service) whose values or ends differ is warned of.

        Example: commission check Contracts/kent-2015-07 Contracts/kent-2016-03

        """
    }
  }
}
