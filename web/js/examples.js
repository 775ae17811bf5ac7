// "Or try an example": the CSV files shipped with the server (data/examples, served under /web/data/).

const FOLDER = '/web/data/examples/';

/** Wires the example menu: picking one fetches the file and loads it like an upload (load(name, size, text)). */
export function bindExamples(load) {
  const select = document.getElementById('example-csv');
  if (!select) return;
  select.addEventListener('change', async () => {
    const file = select.value;
    if (!file) return;
    select.blur();
    const response = await fetch(FOLDER + encodeURIComponent(file));
    const text = await response.text();
    load(file, text.length, async () => text);
    select.value = '';
  });
}
