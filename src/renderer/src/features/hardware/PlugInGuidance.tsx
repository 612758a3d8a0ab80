/**
 * What a technician plugs in, and how, when this console finds no key-programmer: a product
 * console never stands a simulator in for one. Training is offered for practice without a door.
 */
export function PlugInGuidance() {
  return (
    <div className="card hw-section__empty hw-guidance">
      <p>
        No key-programmer is connected. Plug the Porter key-programmer into a USB port of this computer; it shows here within a couple of
        seconds. Bluetooth locks need a BLE dongle (a USB Bluetooth controller, or an nRF52840 with HCI firmware).
      </p>
      <ul>
        <li>
          <strong>Linux:</strong> install Porter’s udev rules once (<code>resources/udev/70-porter-key-programmer.rules</code> and{' '}
          <code>70-porter-ble-dongle.rules</code>: <code>sudo install -m 0644 … /etc/udev/rules.d/</code>, then{' '}
          <code>sudo udevadm control --reload-rules</code>), then unplug and replug.
        </li>
        <li>
          <strong>Windows and macOS:</strong> no driver is needed for the programmer (a standard USB HID device); a dongle with HCI firmware
          needs its USB serial driver if the system has none.
        </li>
      </ul>
      <p>
        To practise without a door, start Porter in training mode: <code>npm start -- --training</code> (or{' '}
        <code>npm run serve -- --training</code>). Training has its own data and simulated doors.
      </p>
    </div>
  );
}
