/**
 * Saves text as a file the way a browser does: a Blob, an object URL and a click on an
 * <a download>. Nothing is navigated to, so the CSP and the window's navigation guard allow it.
 */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has taken its copy by then; the URL only needs to outlive the click.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
