// window.porter mock for look-and-feel screenshots (temporary).
(() => {
  const iso = (minAgo) => new Date(Date.now() - minAgo * 60000).toISOString();
  const models = window.__MODELS__;
  const pending = [
    { id: 'door-north-204', name: 'North Tower 204', kind: 'unit', unitId: 'north-204', modelName: 'KB-500 Keypad + Bluetooth', pendingSince: iso(1200), buildingName: 'North Tower' },
    { id: 'door-south-311', name: 'South Tower 311', kind: 'unit', unitId: 'south-311', modelName: 'KP-200 Keypad', pendingSince: iso(900), buildingName: 'South Tower' },
    { id: 'garage-gate', name: 'Garage gate', kind: 'perimeter', unitId: null, modelName: 'PR-1 Reader', pendingSince: iso(600), buildingName: null },
    { id: 'door-garden-105', name: 'Garden Court 105', kind: 'unit', unitId: 'garden-105', modelName: 'BT-10 Bluetooth', pendingSince: iso(300), buildingName: 'Garden Court' },
  ];
  const steps = (statuses, details = []) => ['Read the door', 'Stage changes', 'Commit', 'Verify'].map((name, i) => ({ name, status: statuses[i], detail: details[i] ?? null }));
  const door = (o) => ({ serial: 'SN-000204', kind: 'lock', modelId: 'kestrel-kb500', modelName: 'Kestrel KB-500 Keypad + Bluetooth', firmware: '2.4.1', batteryPercent: 82, clockDriftSeconds: 4, usedSlots: 12, slots: 100, door: { id: 'door-north-204', name: 'North Tower 204', kind: 'unit' }, changes: { toWrite: 3, toRemove: 1, fullRewrite: false, desired: 14 }, lastAuditRecord: 311, ...o });
  const scenarios = {
    main: [
      { id: 'sim-1', name: 'PKP-1', serial: 'PKP1-000001', firmware: '1.0.0', simulated: true, state: 'busy', message: null,
        door: door({}),
        job: { id: 'job_1', kind: 'program', door: { id: 'door-north-204', name: 'North Tower 204', kind: 'unit' }, status: 'running', startedBy: 'Sam Ortiz', startedAt: iso(1), finishedAt: null, progress: 0.45,
          steps: steps(['done', 'running', 'waiting', 'waiting'], ['12 credentials on the door, 14 wanted', 'Writing 3, removing 1']), error: null } },
      { id: 'sim-2', name: 'PKP-2', serial: 'PKP1-000002', firmware: '1.0.0', simulated: true, state: 'ready', message: null,
        door: door({ serial: 'SN-000311', modelId: 'arden-kp200', modelName: 'Arden KP-200 Keypad', batteryPercent: 14, clockDriftSeconds: -415, usedSlots: 50, slots: 50, door: { id: 'door-south-311', name: 'South Tower 311', kind: 'unit' }, changes: { toWrite: 0, toRemove: 0, fullRewrite: true, desired: 41 } }),
        job: { id: 'job_2', kind: 'program', door: { id: 'door-south-311', name: 'South Tower 311', kind: 'unit' }, status: 'interrupted', startedBy: 'Sam Ortiz', startedAt: iso(5), finishedAt: iso(4), progress: 0.6,
          steps: steps(['done', 'done', 'failed', 'waiting'], ['0 credentials on the door, 41 wanted', 'Writing the whole table: 41 credentials']), error: { message: 'The programmer stopped answering during the commit.', advice: 'Reconnect the programmer and the door cable, then press Resume.' } } },
      { id: 'sim-3', name: 'PKP-3', serial: 'PKP1-000003', firmware: '1.0.0', simulated: true, state: 'ready', message: null,
        door: door({ serial: 'SN-000009', kind: 'reader', modelId: 'kestrel-pr1', modelName: 'Kestrel PR-1 Reader', usedSlots: 1843, slots: 5000, door: { id: 'garage-gate', name: 'Garage gate', kind: 'perimeter' }, changes: { toWrite: 0, toRemove: 0, fullRewrite: false, desired: 1843 } }),
        job: { id: 'job_3', kind: 'read_audit', door: { id: 'garage-gate', name: 'Garage gate', kind: 'perimeter' }, status: 'succeeded', startedBy: 'Avery Brooks', startedAt: iso(30), finishedAt: iso(29), progress: 1,
          steps: [{ name: 'Read the door', status: 'done', detail: null }, { name: 'Read new records', status: 'done', detail: '214 records since #311' }, { name: 'Record in the log', status: 'done', detail: null }], error: null } },
      { id: 'sim-4', name: 'PKP-4', serial: 'PKP1-000004', firmware: '1.0.0', simulated: true, state: 'ready', message: null,
        door: door({ serial: 'SN-NEW-77', door: null, changes: null }), job: null },
      { id: 'usb-5', name: 'PKP-1', serial: 'PKP1-009999', firmware: null, simulated: false, state: 'error', message: 'This programmer could not be opened: access denied.', door: null, job: null },
    ],
  };
  let which = 'main';
  window.__setScenario = (s) => { which = s; for (const cb of listeners) cb({ topics: ['doors'] }); };
  const listeners = new Set();
  const reply = (value) => Promise.resolve({ ok: true, value });
  window.porter = {
    invoke(name, input) {
      switch (name) {
        case 'session.get': return reply({ operator: { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' }, community: { id: 'riverside', name: 'Riverside Commons', timeZone: 'America/Chicago' }, host: 'browser', kiosk: false });
        case 'community.get': return reply({ id: 'riverside', name: 'Riverside Commons', timeZone: 'America/Chicago', phoneRegion: 'US', accessSystem: null, guidelines: {}, buildings: [], lockModels: models });
        case 'hardware.overview': return reply({ programmers: scenarios[which], simulated: true, models: models.map((model, i) => ({ model, doorCount: [120, 80, 136, 9][i] ?? 1 })), pendingDoors: pending });
        case 'hardware.readerConfig': return reply({ osdpAddress: 3, cardFormats: ['wiegand_26', 'osdp_secure'], led: 'on_idle', buzzerOnGrant: true, buzzerOnDeny: false, unlockedHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '07:00', until: '19:00' }] });
        case 'hardware.program': return Promise.resolve({ ok: false, error: { code: 'not_allowed', message: 'This programmer is already running a job; wait for it to finish.' } });
        default: return reply({});
      }
    },
    on(event, cb) { listeners.add(cb); return () => listeners.delete(cb); },
  };
})();
