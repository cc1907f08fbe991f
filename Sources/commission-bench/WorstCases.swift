import Commissioning
import Foundation

/// The inputs that were quadratic or held 20 times the file: each run as a whole process.
enum WorstCases {
  /// One file and the command run on it.
  struct Case {
    var name: String
    var file: String
    var arguments: [String]
  }

  /// Writes the worst-case files for `rows` rows (if missing) and lists the commands.
  static func cases(rows: Int, folder: String, register: String) throws -> [Case] {
    let noID = "\(folder)/worst-no-id-\(rows).csv"
    try write(noID) { out in
      out += "service,provider,end\n"
      for _ in 0..<rows { out += "Meals on Wheels,MFT,31/03/2017\n" }
    }
    let sameID = "\(folder)/worst-same-id-\(rows).csv"
    try write(sameID) { out in
      out += "id,service,end\n"
      for i in 0..<rows { out += "x,Service \(i),31/03/2017\n" }
    }
    let ocds = "\(folder)/worst-ocds-\(rows).json"
    try write(ocds) { out in
      out += "{\"uri\": \"bench\", \"releases\": [\n"
      for i in 0..<rows {
        if i > 0 { out += ",\n" }
        out +=
          #"{"ocid": "ocds-\#(i)", "date": "2020-01-01T00:00:00Z", "buyer": {"name": "Kent"}, "#
          + #""awards": [{"id": "a\#(i)", "title": "Service \#(i)", "suppliers": [{"name": "MFT"}], "#
          + #""value": {"amount": \#(1000 + i), "currency": "GBP"}, "contractPeriod": "#
          + #"{"startDate": "2020-04-01T00:00:00Z", "durationInDays": 365}}]}"#
      }
      out += "\n]}\n"
    }
    let json = "\(folder)/worst-json-\(rows).json"
    if !FileManager.default.fileExists(atPath: json) {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: register)))
      let loaded = try RegisterLoader.load([RegisterInput(name: register, bytes: bytes)], name: "b")
      try Data(loaded.json().text.utf8).write(to: URL(fileURLWithPath: json))
    }
    var list = [
      Case(name: "no-id duplicates: check", file: noID, arguments: ["check", noID]),
      Case(name: "one repeated id: check", file: sameID, arguments: ["check", sameID]),
      Case(
        name: "import --from ocds", file: ocds,
        arguments: ["import", "--from", "ocds", "--max-input-size", "8G", ocds]),
      Case(
        name: "import --from json", file: json,
        arguments: ["import", "--from", "json", "--max-input-size", "8G", json]),
    ]
    let cell = "\(folder)/worst-10mb-cell.csv"
    try write(cell) { out in
      out += "id,service,end,notes\nc1,Meals,31/03/2017,"
      out += String(repeating: "abcdefghij", count: 1_000_000) + "\n"
    }
    list += [
      Case(name: "10 MB cell: check", file: cell, arguments: ["check", cell]),
      Case(
        name: "10 MB cell: export --format ics", file: cell,
        arguments: ["export", "--format", "ics", "--as-of", "2016-03-22", cell]),
    ]
    return list
  }

  /// Writes the file unless it is there, in pieces of about 1 MB.
  static func write(_ path: String, _ body: (inout String) -> Void) throws {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    var text = ""
    body(&text)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}
