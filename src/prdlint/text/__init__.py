"""The grammar below the document model: pure string work, with offsets, that every reader
shares. `stories` reads "As a <role>, I want <means> so that <ends>"; `forms` gives the singular,
plural and verb forms of English words; `headings` reads a heading without its numbering."""
