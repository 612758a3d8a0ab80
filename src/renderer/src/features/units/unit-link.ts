/**
 * A unit can be named in the hash (`view=units&unit=<id>`) next to the section and the
 * browser host's token, so other pages can link to a unit and a reload keeps it open.
 */
function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.slice(1));
}

/** The Units section with this unit's panel open. */
export function unitHref(unitId: string): string {
  const params = hashParams();
  params.set('view', 'units');
  params.set('unit', unitId);
  return `#${params.toString()}`;
}

export function linkedUnitId(): string | null {
  return hashParams().get('unit');
}

/** Keeps the hash in step with the open panel, without adding history entries. */
export function rememberOpenUnit(unitId: string | null): void {
  const params = hashParams();
  if ((params.get('unit') ?? null) === unitId) return;
  if (unitId) params.set('unit', unitId);
  else params.delete('unit');
  window.history.replaceState(null, '', `#${params.toString()}`);
}
