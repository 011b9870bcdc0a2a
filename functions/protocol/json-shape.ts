/**
 * A form's values are texts or lists of texts: a JSON body is an object whose values are scalars, or
 * lists or objects of scalars (a wrong type, which validation names on its field). Anything nested deeper
 * is refused here, on the text, before JSON.parse or any walk
 * over the parsed value (a body nested thousands of levels deep once overflowed the stack: a 500).
 * One pass, no recursion, whatever the text holds (it may not even be valid JSON).
 */
export function nestedTooDeep(json: string): boolean {
  // How deep the current position is: 0 at the top, 1 inside the object, 2 inside one of its values.
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '{' || c === '[') {
      if (++depth > 2) return true;
    } else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
  }
  return false;
}
