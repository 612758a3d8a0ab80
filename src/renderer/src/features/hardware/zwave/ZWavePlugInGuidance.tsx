/**
 * What a technician plugs in, and how, when this console finds no Z-Wave stick: a product
 * console never stands a simulator in for one.
 */
export function ZWavePlugInGuidance() {
  return (
    <div className="zwave__guidance hw-guidance">
      <p>
        No Z-Wave stick is connected. Plug a Z-Wave USB controller (a 500, 700 or 800 series stick: Zooz ZST10 or ZST39, Aeotec
        Z-Stick, Silicon Labs UZB) into a USB port of this computer; it shows here within a couple of seconds, and its locks with it.
      </p>
      <ul>
        <li>
          <strong>Linux:</strong> the stick is a serial port (<code>/dev/ttyACM0</code>, or <code>/dev/serial/by-id/…</code>). The account
          running Porter needs to open it: <code>sudo usermod -aG dialout $USER</code>, then sign out and in again.
        </li>
        <li>
          <strong>Windows and macOS:</strong> most sticks need no driver; a stick on a Silicon Labs CP210x bridge needs that driver if
          the system has none.
        </li>
      </ul>
    </div>
  );
}
