/** Saves a fetched answer (a report, a chart) as a file named `name` through a temporary link. */
export async function downloadResponse(res: Response, name: string): Promise<void> {
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // the browser reads the blob after click(): release it a little later
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
