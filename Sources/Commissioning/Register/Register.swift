/// A council's register: its contracts, its commissioning grid, its rules, and everything noticed
/// while reading them.
public struct Register: Sendable {
  /// The register's name: its folder's name, or the file's.
  public var name: String
  public var council: CouncilRules
  public var contracts: [Contract]
  public var grid: [GridRow]
  /// Every assumption and problem, in file and line order.
  public var diagnostics: [Diagnostic]
  /// The files read, as named in diagnostics.
  public var files: [String]

  public init(
    name: String, council: CouncilRules = .default, contracts: [Contract] = [],
    grid: [GridRow] = [], diagnostics: [Diagnostic] = [], files: [String] = []
  ) {
    self.name = name
    self.council = council
    self.contracts = contracts
    self.grid = grid
    self.diagnostics = diagnostics
    self.files = files
  }

  /// The contract with this id.
  public func contract(id: String) -> Contract? { contracts.first { $0.id == id } }

  /// Whether any contract is in `group` (case-insensitive).
  public func hasGroup(_ group: String) -> Bool {
    contracts.contains { $0.isIn(group: group) }
  }

  /// Every group named in the register, sorted.
  public var groups: [String] { groupIndex.map(\.group) }

  /// Every group, sorted by name, with the positions of its contracts in register order. Groups
  /// match case-insensitively; each is spelled as first written.
  /// - Complexity: O(n) in the contracts, plus sorting the groups.
  public var groupIndex: [(group: String, members: [Int])] {
    var slot: [String: Int] = [:]
    var index: [(group: String, members: [Int])] = []
    for (position, contract) in contracts.enumerated() {
      for group in contract.groups {
        let key = group.lowercased()
        if let at = slot[key] {
          if index[at].members.last != position { index[at].members.append(position) }
        } else {
          slot[key] = index.count
          index.append((group, [position]))
        }
      }
    }
    return index.sorted { $0.group < $1.group }
  }
}

/// One input file: its name as diagnostics should show it, and its bytes.
public struct RegisterInput: Sendable {
  public var name: String
  public var bytes: [UInt8]
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}

/// A register that cannot be read at all.
public enum RegisterError: Error, CustomStringConvertible, Equatable {
  case empty(file: String)
  /// A file of NUL bytes (perhaps with blanks): a disk image or a preallocated file, not text.
  case onlyNUL(file: String)
  case csv(file: String, CSVError)
  /// `headerAt`: a later line that names the columns, when one of the first ten does.
  case missingColumns(file: String, missing: [Column], found: [String], headerAt: Int? = nil)
  case council(CouncilRulesError)
  case noCSV(name: String)
  /// A file that looks like UTF-16, UTF-32 or Windows-1252 text but does not decode as it.
  case encoding(file: String, encoding: TextEncoding)
  /// A row given on its own (an imported contract) with no text in any cell.
  case emptyRow(at: SourceLocation)

  public var description: String {
    switch self {
    case .empty(let file):
      return "\(file):1:1: error: the file is empty; a register needs a header row"
    case .onlyNUL(let file):
      return "\(file):1:1: error: the file holds only NUL bytes; it is not text"
    case .csv(let file, .invalidUTF8(let line, let column)):
      return "\(file):\(line):\(column): error: the file is not UTF-8 text (save it as CSV UTF-8)"
    case .csv(let file, .unterminatedQuote(let line, let column)):
      return "\(file):\(line):\(column): error: a quoted field opens here and never closes"
    case .missingColumns(let file, let missing, let found, let headerAt):
      let names = missing.map { "'\($0.rawValue)'" }.joined(separator: " or ")
      let shown = found.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
      if let headerAt {
        let above = headerAt - 1 == 1 ? "the line" : "the \(headerAt - 1) lines"
        return
          "\(file):1:1: error: no \(names) column in the first line (\(shown)\(found.count > 8 ? ", …" : "")); line \(headerAt) looks like the header: delete \(above) above it"
      }
      let accepted = missing.map(\.acceptedHeaders).joined(separator: "; ")
      return
        "\(file):1:1: error: no \(names) column (the header has \(shown)\(found.count > 8 ? ", …" : "")); accepted: \(accepted)"
    case .council(let error):
      return error.description
    case .encoding(let file, let encoding):
      return
        "\(file):1:1: error: the file looks like \(encoding.rawValue) text but does not decode as it (save it as CSV UTF-8)"
    case .noCSV(let name):
      return "\(name): error: the folder holds no CSV register"
    case .emptyRow(let location):
      return "\(location): error: the contract holds no text; it needs at least a service or an end"
    }
  }
}
