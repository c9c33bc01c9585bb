/** Certifications: their rules, learners' progress and evidence, assessors' decisions, awards and their mail. */
export default {
  "certifications.field.slugTaken": "Another certification already uses this address.",
  "certifications.field.unknownOwner": "There is no such organisation.",
  "certifications.field.ownLanguage": "This is the certification’s own language; change its texts there instead.",
  "certifications.field.duplicateKey": "Each condition needs its own key.",
  "certifications.field.impossibleGroup": "A group asks for more conditions than it holds.",
  "certifications.field.notAssessed": "This condition takes no evidence.",
  "certifications.field.scoreMissing": "Give a score for every criterion.",
  "certifications.field.belowPassMark": "The scores add up to {total}; approving needs at least {passMark}.",
  "certifications.field.unknownCohort": "There is no such cohort.",
  "certifications.email.awarded.subject": "You have been awarded: {title}",
  "certifications.email.awarded.body":
    "Dear {name},\n\nCongratulations: you have been awarded “{title}”.{hasExpiry, select, yes { It is valid until {until}.} other {}}\n\nSee it here: {link}",
  "certifications.email.expiring.subject": "Your certification expires on {until}: {title}",
  "certifications.email.expiring.body":
    "Dear {name},\n\nYour certification “{title}” expires on {until}. To renew it, meet its conditions again; your progress page shows what is left:\n\n{link}",
  "certifications.field.alreadyDecided": "An assessor has already decided on this evidence.",
  "certifications.field.wrongAwardStatus":
    "This cannot be done to an award that is {status, select, active {active} suspended {suspended} revoked {revoked} other {{status}}}.",
  "certifications.field.alreadyConfirmed": "This list has already been confirmed.",
} as const;
