// An image run's card on the class dashboard: a couple of the student's mistaken test images
// (the server halves them to 14x14), each with "true -> said" under it. Nothing for plain data.

/** Shows {side, images (base64), labels, predicted} in the card's mistakes strip; removes it when there are none. */
export function drawMistakes(card, mistakes) {
  let strip = card.querySelector('.student-mistakes');
  const n = mistakes?.labels?.length ?? 0;
  if (!n) { strip?.remove(); return; }
  if (!strip) {
    strip = document.createElement('div');
    strip.className = 'student-mistakes';
    card.querySelector('.student-figures')?.after(strip);
  }
  const side = mistakes.side;
  const bytes = Uint8Array.from(atob(mistakes.images), ch => ch.charCodeAt(0));
  strip.replaceChildren(...mistakes.labels.map((label, i) => {
    const figure = document.createElement('span');
    figure.className = 'student-mistake';
    figure.title = `a test image of class ${label} the network called ${mistakes.predicted[i]}`;
    const canvas = document.createElement('canvas');
    canvas.width = side; canvas.height = side;
    const c = canvas.getContext('2d');
    const image = c.createImageData(side, side);
    for (let p = 0; p < side * side; p++) {
      const v = bytes[i * side * side + p];
      image.data.set([v, v, v, 255], 4 * p);
    }
    c.putImageData(image, 0, 0);
    const text = document.createElement('span');
    text.textContent = `${label}→${mistakes.predicted[i]}`;
    figure.append(canvas, text);
    return figure;
  }));
}
