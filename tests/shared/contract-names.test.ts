import { describe, expect, it } from 'vitest';
import { commands, events } from '../../src/shared/contract';
import { contractCommandNames, contractEventNames, isContractCommand, isContractEvent } from '../../src/shared/contract-names';

describe('the contract names the preload carries', () => {
  it('are exactly the contract’s commands, each once', () => {
    expect(new Set(contractCommandNames).size).toBe(contractCommandNames.length);
    expect([...contractCommandNames].sort()).toEqual(Object.keys(commands).sort());
  });

  it('are exactly the contract’s events, each once', () => {
    expect(new Set(contractEventNames).size).toBe(contractEventNames.length);
    expect([...contractEventNames].sort()).toEqual(Object.keys(events).sort());
  });

  it('take every contract name and nothing else, not even an object’s own keys', () => {
    for (const name of Object.keys(commands)) expect(isContractCommand(name)).toBe(true);
    for (const name of Object.keys(events)) expect(isContractEvent(name)).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', '', 'units.list ', 'UNITS.LIST', 'data.changed'])
      expect(isContractCommand(name)).toBe(false);
    for (const name of ['toString', '__proto__', 'units.list']) expect(isContractEvent(name)).toBe(false);
    for (const name of [undefined, null, 42, ['units.list'], { toString: () => 'units.list' }]) {
      expect(isContractCommand(name)).toBe(false);
      expect(isContractEvent(name)).toBe(false);
    }
  });
});
