/**
 * How a stored phone number (E.164) reads wherever staff see it: on screen, in activity
 * summaries and their export. One format everywhere: "+13125550142" reads "+1 312-555-0142";
 * other countries' numbers read as stored.
 */
export function formatPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}` : e164;
}
