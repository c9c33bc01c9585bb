/** Messages for input that breaks a general rule (too long, not an email...), whatever the form. */
export default {
  "input.required": "Fill this in.",
  "input.tooShort": "{minimum, plural, one {Use at least # character.} other {Use at least # characters.}}",
  "input.tooLong": "{maximum, plural, one {Use at most # character.} other {Use at most # characters.}}",
  "input.tooSmall": "Use {minimum} or more.",
  "input.tooBig": "Use {maximum} or less.",
  "input.tooFew": "{minimum, plural, one {Add at least # item.} other {Add at least # items.}}",
  "input.tooMany": "{maximum, plural, one {Keep at most # item.} other {Keep at most # items.}}",
  "input.wholeNumber": "Use a whole number.",
  "input.number": "Use a number.",
  "input.email": "Enter an email address such as name@example.org.",
  "input.url": "Enter a full web address starting with https://.",
  "input.choice": "Choose one of the options.",
  "input.date": "Use a date such as 2026-11-26.",
  "input.unknownField": "This field is not expected here.",
  "input.invalid": "This value is not valid.",
  "input.singleLine": "Keep this on one line, without line breaks, tabs or control characters.",
} as const;
