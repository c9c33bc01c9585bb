/** Competency frameworks: their fields, import problems, crosswalks, alignments and public pages. */
export default {
  "competencies.field.slugTaken": "Another framework already uses this address.",
  "competencies.field.draftExists": "A draft of the next version already exists.",
  "competencies.field.noItems": "Add at least one competency before publishing.",
  "competencies.field.unknownItem": "This framework has no such item.",
  "competencies.field.unknownLevel": "This framework has no such level.",
  "competencies.field.ownLanguage": "A framework’s own language cannot change; add a translation instead.",
  "competencies.field.duplicateLevel": "Each level needs its own code.",
} as const;
