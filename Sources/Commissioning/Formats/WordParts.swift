/// The fixed parts of a ``WordDocument`` package: content types, relationships, styles, the
/// bullet list's numbering, settings, the footer with its page number, and the properties.
///
/// Only what Word and LibreOffice need to open the document as laid out: no theme, no font
/// table, no web settings (Word makes its own defaults for those), so there is less to go
/// wrong and nothing that names this machine or the time.
enum WordParts {
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let relNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelNamespace =
    "http://schemas.openxmlformats.org/package/2006/relationships"

  static let contentTypes =
    declaration
    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    + "<Default Extension=\"rels\" "
    + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    + override("/word/document.xml", "wordprocessingml.document.main")
    + override("/word/styles.xml", "wordprocessingml.styles")
    + override("/word/numbering.xml", "wordprocessingml.numbering")
    + override("/word/settings.xml", "wordprocessingml.settings")
    + override("/word/footer1.xml", "wordprocessingml.footer")
    + "<Override PartName=\"/docProps/core.xml\" "
    + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    + override("/docProps/app.xml", "extended-properties")
    + "</Types>"

  static func override(_ part: String, _ type: String) -> String {
    "<Override PartName=\"\(part)\" "
      + "ContentType=\"application/vnd.openxmlformats-officedocument.\(type)+xml\"/>"
  }

  static let packageRelationships =
    declaration + "<Relationships xmlns=\"\(packageRelNamespace)\">"
    + relationship("rId1", "officeDocument", "word/document.xml")
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    + "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    + relationship("rId3", "extended-properties", "docProps/app.xml")
    + "</Relationships>"

  /// The document's relationships: `rId4` is the footer `WordDocument.documentXML` names.
  static let documentRelationships =
    declaration + "<Relationships xmlns=\"\(packageRelNamespace)\">"
    + relationship("rId1", "styles", "styles.xml")
    + relationship("rId2", "numbering", "numbering.xml")
    + relationship("rId3", "settings", "settings.xml")
    + relationship("rId4", "footer", "footer1.xml")
    + "</Relationships>"

  static func relationship(_ id: String, _ type: String, _ target: String) -> String {
    "<Relationship Id=\"\(id)\" Type=\"\(relNamespace)/\(type)\" Target=\"\(target)\"/>"
  }

  /// The title and subject escaped; the creator is the tool. No dates: the same record gives
  /// the same file.
  static func core(title: String, subject: String) -> String {
    declaration
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
      + "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
      + "<dc:title>\(WordXML.text(title))</dc:title>"
      + "<dc:subject>\(WordXML.text(subject))</dc:subject>"
      + "<dc:creator>commission</dc:creator><dc:language>en-GB</dc:language>"
      + "</cp:coreProperties>"
  }

  static let app =
    declaration
    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    + "extended-properties\"><Application>commission</Application></Properties>"

  static let settings =
    declaration + "<w:settings xmlns:w=\"\(wordNamespace)\">"
    + "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
    + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    + "</w:settings>"

  /// `Page 2 of 5`, centred: the numbers are fields Word and LibreOffice fill in.
  static let footer =
    declaration + "<w:ftr xmlns:w=\"\(wordNamespace)\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
    + "</w:pPr><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
    + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    + "<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>"
    + "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    + "</w:p></w:ftr>"

  /// One bullet list: a round bullet, indented a centimetre and a quarter, hanging.
  static let numbering =
    declaration + "<w:numbering xmlns:w=\"\(wordNamespace)\">"
    + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
    + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
    + "<w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>"
    + "<w:pPr><w:ind w:left=\"709\" w:hanging=\"357\"/></w:pPr>"
    + "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/></w:rPr></w:lvl></w:abstractNum>"
    + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"

  /// Arial 11 pt with a little space after each paragraph; bold labels kept with their text;
  /// tables in 10 pt with thin grey rules and a shaded heading row.
  static let styles =
    declaration + "<w:styles xmlns:w=\"\(wordNamespace)\"><w:docDefaults><w:rPrDefault><w:rPr>"
    + "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
    + "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
    + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
    + "</w:pPr></w:pPrDefault></w:docDefaults>"
    + style(
      "Normal", "Normal", default: true, "",
      "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"22\"/>")
    + style(
      "Title", "Title",
      "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"360\"/><w:jc w:val=\"center\"/>",
      "<w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
    + style(
      "Heading1", "heading 1",
      "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"200\"/><w:outlineLvl w:val=\"0\"/>",
      "<w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
    + style(
      "FieldLabel", "Field label", "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"60\"/>",
      "<w:b/>")
    + style(
      "ListBullet", "List Bullet",
      "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"120\"/>"
        + "<w:contextualSpacing/>", "")
    + style(
      "TableText", "Table text", "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\"/>",
      "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
    + style(
      "Footer", "footer", "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/>",
      "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
    + tableStyle + "</w:styles>"

  static func style(
    _ id: String, _ name: String, default isDefault: Bool = false, _ paragraph: String,
    _ run: String
  ) -> String {
    "<w:style w:type=\"paragraph\"\(isDefault ? " w:default=\"1\"" : "") w:styleId=\"\(id)\">"
      + "<w:name w:val=\"\(name)\"/>" + (isDefault ? "" : "<w:basedOn w:val=\"Normal\"/>")
      + "<w:qFormat/>" + (paragraph.isEmpty ? "" : "<w:pPr>\(paragraph)</w:pPr>")
      + (run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>") + "</w:style>"
  }

  static let tableStyle =
    "<w:style w:type=\"table\" w:styleId=\"RecordTable\"><w:name w:val=\"Record table\"/>"
    + "<w:tblPr><w:tblBorders>"
    + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
      "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
    }.joined()
    + "</w:tblBorders><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
    + "<w:left w:w=\"57\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
    + "<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
}
