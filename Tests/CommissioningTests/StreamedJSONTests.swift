import Testing

@testable import Commissioning

/// Objects inside a streamed array (`align --all`'s groups, the Gantt's sections), each with
/// long arrays of its own, written an element at a time as the whole tree would be written.
@Suite("Streamed JSON, nested")
struct StreamedJSONTests {
  /// `groups` objects of `perGroup` contracts each, with empty arrays and objects among them.
  static func members(_ groups: Int, _ perGroup: Int) -> [(String, JSON.Member)] {
    [
      ("name", .value(.string("a \"quoted\"\nname"))),
      (
        "groups",
        .objects(count: groups) { group in
          [
            ("group", .value(.int(group))),
            (
              "contracts",
              .elements(count: perGroup) {
                .object([("id", .string("c\(group)-\($0)")), ("tags", .array([]))])
              }
            ),
            ("none", .objects(count: 0) { _ in [] }),
            ("blank", .objects(count: 1) { _ in [] }),
          ]
        }
      ),
      ("after", .value(.object([("x", .null)]))),
    ]
  }

  @Test(
    "nested streamed objects are the tree's bytes, a piece per element",
    arguments: [(0, 0), (1, 0), (1, 1), (3, 2), (2, 50)])
  func nested(_ groups: Int, _ perGroup: Int) {
    let members = StreamedJSONTests.members(groups, perGroup)
    var recorder = WriteRecorder()
    JSON.write(streamed: members, to: &recorder)
    #expect(recorder.text == JSON.object(streamed: members).text)
    // A piece for every contract, every group and every empty object in a group.
    #expect(recorder.pieces.count == 1 + groups * (perGroup + 2))
  }

  @Test(
    "an array of objects made until their maker gives nil is the same array of known length",
    arguments: [0, 1, 2, 5])
  func objectSequence(_ count: Int) {
    func object(_ at: Int) -> [(String, JSON.Member)] {
      [
        ("at", .value(.int(at))),
        ("list", .elements(count: at) { .int($0) }),
        ("empty", .objects(count: 0) { _ in [] }),
      ]
    }
    func members(_ array: JSON.Member) -> [(String, JSON.Member)] {
      [("before", .value(.int(1))), ("items", array), ("after", .value(.string("end")))]
    }
    func counter() -> () -> [(String, JSON.Member)]? {
      var at = 0
      return {
        defer { at += 1 }
        return at < count ? object(at) : nil
      }
    }
    var expected = ""
    JSON.write(streamed: members(.objects(count: count, object: object)), to: &expected)
    var recorder = WriteRecorder()
    JSON.write(streamed: members(.objectSequence(next: counter())), to: &recorder)
    #expect(recorder.text == expected)
    #expect(JSON.object(streamed: members(.objectSequence(next: counter()))).text == expected)
    // A piece for every element of the objects' lists and every object, then the rest.
    #expect(recorder.pieces.count == (0..<count).reduce(0) { $0 + $1 + 1 } + 1)
  }

  @Test("one group of one contract, written out")
  func small() {
    var text = ""
    JSON.write(streamed: StreamedJSONTests.members(1, 1), to: &text)
    #expect(
      text == """
        {
          "name": "a \\"quoted\\"\\nname",
          "groups": [
            {
              "group": 0,
              "contracts": [
                {
                  "id": "c0-0",
                  "tags": []
                }
              ],
              "none": [],
              "blank": [
                {}
              ]
            }
          ],
          "after": {
            "x": null
          }
        }

        """)
  }
}
