import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitSortColumn } from '../../src/shared/domain';
import { hashWithUnitView, noUnitFilters, toQueryFilters, unitViewFromHash, defaultUnitSort, type UnitView } from '../../src/renderer/src/features/units/unit-view';

const plain: UnitView = { values: noUnitFilters, sort: defaultUnitSort };

const anyView: fc.Arbitrary<UnitView> = fc.record({
  values: fc.record({
    search: fc.string({ maxLength: 100 }),
    buildingId: fc.oneof(fc.constant('all'), fc.string({ minLength: 1, maxLength: 64 })),
    floor: fc.oneof(fc.constant('all'), fc.integer({ min: -999, max: 999 }).map(String)),
    lockModelId: fc.oneof(fc.constant('all'), fc.string({ minLength: 1, maxLength: 64 })),
    doorStatus: fc.constantFrom('all', 'in_sync', 'pending', 'never_programmed'),
    credentialType: fc.constantFrom('all', 'permanent', 'temporary', 'recurring', 'delivery'),
    credentialStatus: fc.constantFrom('all', 'active', 'scheduled', 'expiring_today', 'pending'),
  }),
  sort: fc.record({ column: fc.constantFrom(...UnitSortColumn.options), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
});

describe('the units grid’s view in the link', () => {
  it('comes back as it was written, for any view, next to the keys others put there', () => {
    fc.assert(
      fc.property(anyView, fc.constantFrom('', '#token=abc', '#view=units&unit=u-702'), (view, hash) => {
        const written = hashWithUnitView(hash, view);
        expect(unitViewFromHash(written)).toEqual(view);
        const others = new URLSearchParams(hash.slice(1));
        const kept = new URLSearchParams(written.slice(1));
        for (const [key, value] of others) if (key !== 'view') expect(kept.get(key)).toBe(value);
      }),
    );
  });

  it('writes a view once: writing it again changes nothing', () => {
    fc.assert(
      fc.property(anyView, (view) => {
        const once = hashWithUnitView('', view);
        expect(hashWithUnitView(once, view)).toBe(once);
      }),
    );
  });

  it('leaves a plain link plain, and names Units when the view is worth returning to', () => {
    expect(hashWithUnitView('#token=abc', plain)).toBe('#token=abc');
    expect(hashWithUnitView('', plain)).toBe('');
    const floor3 = { ...plain, values: { ...noUnitFilters, floor: '3' } };
    expect(hashWithUnitView('#token=abc', floor3)).toBe('#token=abc&floor=3&view=units');
    expect(hashWithUnitView('#token=abc&floor=3&view=units', plain)).toBe('#token=abc&view=units');
    expect(hashWithUnitView('', { ...plain, sort: { column: 'doorStatus', direction: 'desc' } })).toBe('#sort=doorStatus.desc&view=units');
  });

  it('reads the defaults from an empty or foreign hash', () => {
    expect(unitViewFromHash('')).toEqual(plain);
    expect(unitViewFromHash('#')).toEqual(plain);
    expect(unitViewFromHash('#view=activity&token=abc')).toEqual(plain);
  });

  it('falls back to the default for each value it does not know, keeping the ones it does', () => {
    const view = unitViewFromHash('#floor=3rd&door=open&type=weekly&status=late&building=north&sort=price.asc');
    expect(view).toEqual({ values: { ...noUnitFilters, buildingId: 'north' }, sort: defaultUnitSort });
    expect(unitViewFromHash('#sort=unit.sideways').sort).toEqual(defaultUnitSort);
    expect(unitViewFromHash('#sort=floor').sort).toEqual(defaultUnitSort);
    expect(unitViewFromHash(`#lock=${'x'.repeat(65)}&building=`).values).toEqual(noUnitFilters);
    expect(unitViewFromHash('#floor=1000').values.floor).toBe('all');
    expect(unitViewFromHash('#floor=-2').values.floor).toBe('-2');
  });

  it('cuts a pasted search at 100 characters', () => {
    expect(unitViewFromHash(`#q=${'a'.repeat(150)}`).values.search).toHaveLength(100);
  });
});

describe('the view as the core’s filters', () => {
  it('leaves out what is at "all", trims the search and reads the floor as a number', () => {
    expect(toQueryFilters(noUnitFilters, '   ')).toEqual({});
    expect(toQueryFilters({ ...noUnitFilters, floor: '-1', buildingId: 'north', credentialType: 'delivery' }, ' 702 ')).toEqual({
      search: '702',
      floor: -1,
      buildingId: 'north',
      credentialType: 'delivery',
    });
  });

  it('reads "pending at the door" as the door status, and the other credential states as timing', () => {
    expect(toQueryFilters({ ...noUnitFilters, credentialStatus: 'pending' }, '')).toEqual({ doorStatus: 'pending' });
    expect(toQueryFilters({ ...noUnitFilters, credentialStatus: 'expiring_today' }, '')).toEqual({ credentialTiming: 'expiring_today' });
  });
});
