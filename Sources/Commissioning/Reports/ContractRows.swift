/// Some of a register's contracts, by row: the register's own array (shared, copy-on-write) and
/// the rows a result chose, in its order.
///
/// A report, a proposal or a chart names its contracts this way instead of holding copies: a
/// ``Contract`` is some 500 bytes and twenty-odd strings, so copying every match (then sorting
/// the copies) cost more than choosing them. Reading one gives the contract itself.
public struct ContractRows: RandomAccessCollection, Sendable {
  /// Every contract the rows index into (the register's, not a copy).
  public let all: [Contract]
  /// The rows chosen, as positions in ``all``.
  public var positions: [Int]

  /// The rows at `positions` of `all`.
  public init(_ all: [Contract], positions: [Int]) {
    self.all = all
    self.positions = positions
  }

  /// Contracts of their own (not a register's): each its own row, in order.
  public init(_ contracts: [Contract] = []) {
    self.init(contracts, positions: Array(contracts.indices))
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { positions.count }
  public subscript(index: Int) -> Contract { all[positions[index]] }
}

extension ContractRows: ExpressibleByArrayLiteral {
  public init(arrayLiteral contracts: Contract...) { self.init(contracts) }
}
