/**
 * React Aria's usePress injects an inline <style id="react-aria-pressable-style"> for
 * `touch-action`, which the console's CSP (style-src 'self') refuses with a console error.
 * It skips the injection when an element with that id already exists (the fix for
 * adobe/react-spectrum#8273), so we place a marker and keep the rule in base.css instead.
 */
const styleId = 'react-aria-pressable-style';

export function providePressableStyle(doc: Document = document): void {
  if (doc.getElementById(styleId)) return;
  const marker = doc.createElement('meta');
  marker.id = styleId;
  marker.name = styleId;
  marker.content = 'provided by base.css';
  doc.head.prepend(marker);
}
