"""Elements and layout: what a run draws that is not an input (text, data, media, status,
containers). `base` holds the two ways an element is drawn; one module per family."""
