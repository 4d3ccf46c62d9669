// The pass rules of the door app: the same decision as the portal's PassRules (Java), evaluated
// over the policy exactly as the signed door snapshot carries it (payload.policy and
// payload.facility). No dependencies, no build step. Both engines pass the same shared cases
// (src/test/resources/pass-rules-cases.json); see docs/door.md, "The rules module".

/** The outcome each reason leads to (PassReason in the portal). */
export const REASON_OUTCOMES = Object.freeze({
  VACCINATED: "PASS",
  BOOSTED: "PASS",
  PCR_NEGATIVE: "PASS",
  UNDER_18: "EXEMPT",
  MEDICAL_EXEMPTION: "EXEMPT",
  RECOVERED: "EXEMPT",
  SOLO_DINER: "EXEMPT",
  GROUP_ALLOWANCE: "EXEMPT",
  NOT_COVERED: "EXEMPT",
  NOT_YET_EFFECTIVE: "NO_PASS",
  VACCINATION_EXPIRED: "NO_PASS",
  PCR_EXPIRED: "NO_PASS",
  EXEMPTION_EXPIRED: "NO_PASS",
  NO_PROOF: "NO_PASS",
});

const DAY_MS = 86400000;
const dateFormats = new Map();

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
function localDate(ms, timeZone) {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormats.set(timeZone, format);
  }
  const parts = {};
  for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar date (YYYY-MM-DD) plus whole days. */
function plusDays(date, days) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

function instant(value) {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError("not an instant: " + value);
  return ms;
}

function decision(reason) {
  return { outcome: REASON_OUTCOMES[reason], reason };
}

/** The policy row in force on a local date: the last row begun by then, else beforeFirstRow. */
export function rowAt(policy, today) {
  for (let i = policy.rows.length - 1; i >= 0; i--) {
    if (policy.rows[i].effectiveFrom <= today) return policy.rows[i];
  }
  return policy.beforeFirstRow;
}

/** Whether the facility's type is covered by the pass at that instant: from ≤ at < until. */
export function coveredAt(facility, atMs) {
  return (facility.coverage || []).some(
    (p) => instant(p.from) <= atMs && (p.until == null || atMs < instant(p.until)),
  );
}

/**
 * The decision at the door, {outcome, reason}, in the portal's codes.
 *
 * @param policy the snapshot's payload.policy
 * @param facility the snapshot's payload.facility ({type, coverage: [{from, until}]})
 * @param facts what the visitor shows, each field optional: finalDoseDate, boosterDate,
 *     exemptionUntil (Korean dates, YYYY-MM-DD), pcrNoticeAt (an instant), exemption
 *     (MEDICAL | RECOVERED), birthYear (a number)
 * @param at the instant of the check (a Date, epoch milliseconds or an ISO-8601 string)
 * @param party whom an unvaccinated diner dines with: ALONE, GROUP_ONE_UNVACCINATED or NONE/null
 */
export function decide(policy, facility, facts, at, party) {
  const f = facts || {};
  const p = party || "NONE";
  const atMs = instant(at);
  const zone = policy.timeZone;
  const today = localDate(atMs, zone);
  const row = rowAt(policy, today);

  // 1. suspended or not yet begun, or not this type then
  if (row.suspended || !coveredAt(facility, atMs)) return decision("NOT_COVERED");
  // 2. a booster is valid the same day and removes the expiry
  if (f.boosterDate != null && f.boosterDate <= today) return decision("BOOSTED");
  // 3. the primary series: from daysAfterFinalDose after the final dose, validityDays long
  const vaccination = vaccinationState(f.finalDoseDate, row, today);
  if (vaccination === "VALID") return decision("VACCINATED");
  // 4. a negative PCR until 24:00 of the day on which notice + pcrValidityHours falls
  if (f.pcrNoticeAt != null) {
    const noticeMs = instant(f.pcrNoticeAt);
    const lastDay = localDate(noticeMs + policy.pcrValidityHours * 3600000, zone);
    if (noticeMs <= atMs && today <= lastDay) return decision("PCR_NEGATIVE");
  }
  // 5. under-18s
  if (f.birthYear != null && f.birthYear >= row.underEighteenBornFrom) return decision("UNDER_18");
  // 6. an exemption certificate until its last day
  if (f.exemption != null && (f.exemptionUntil == null || today <= f.exemptionUntil)) {
    return decision(f.exemption === "MEDICAL" ? "MEDICAL_EXEMPTION" : "RECOVERED");
  }
  // 7. the dining-party rule of restaurants and cafés
  if (facility.type === policy.diningRuleType) {
    if (p === "ALONE") return decision("SOLO_DINER");
    if (p === "GROUP_ONE_UNVACCINATED" && row.groupAllowance) return decision("GROUP_ALLOWANCE");
  }
  // 8. no pass, with the most specific reason
  if (vaccination === "EXPIRED") return decision("VACCINATION_EXPIRED");
  if (vaccination === "NOT_YET_EFFECTIVE") return decision("NOT_YET_EFFECTIVE");
  if (f.pcrNoticeAt != null) return decision("PCR_EXPIRED");
  if (f.exemption != null) return decision("EXEMPTION_EXPIRED");
  return decision("NO_PROOF");
}

function vaccinationState(finalDoseDate, row, today) {
  if (finalDoseDate == null) return "NONE";
  const validFrom = plusDays(finalDoseDate, row.daysAfterFinalDose);
  if (today < validFrom) return "NOT_YET_EFFECTIVE";
  if (row.validityDays == null) return "VALID";
  return today < plusDays(validFrom, row.validityDays) ? "VALID" : "EXPIRED";
}
