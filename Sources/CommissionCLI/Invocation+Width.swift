import Commissioning

extension Invocation {
  /// Whether `--width` is the drawing's width in pixels: an SVG chart (`gantt --format svg`)
  /// and the report page's charts; everywhere else it is columns of text.
  var widthIsPixels: Bool {
    command == .report || (command == .gantt && format == .svg)
  }

  /// `--width` read for the command: columns within ``TextWidth/range``, or pixels within
  /// ``GanttSVGOptions/widthRange`` for a drawing.
  ///
  /// - Throws: ``UsageError`` naming the unit and the range.
  static func width(_ text: String, for invocation: Invocation) throws(UsageError) -> Int {
    if invocation.widthIsPixels {
      let range = GanttSVGOptions.widthRange
      guard let pixels = Int(text), range.contains(pixels) else {
        throw UsageError(
          "the value '\(text)' is invalid for '--width <pixels>' with a drawing; use a number "
            + "of pixels from \(range.lowerBound) to \(range.upperBound), like 1123 (A4 landscape)")
      }
      return pixels
    }
    guard let width = Int(text), TextWidth.range.contains(width) else {
      throw UsageError(
        "the value '\(text)' is invalid for '--width <n>'; use a number of columns from "
          + "\(TextWidth.range.lowerBound) to \(TextWidth.range.upperBound), like 100")
    }
    return width
  }
}
