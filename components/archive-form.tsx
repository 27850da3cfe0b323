"use client";

import Form from "next/form";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";

const AUTO_SUBMIT = new Set(["checkbox", "radio", "date", "select-one"]);

/**
 * The archive's one GET form. Without JavaScript it is a plain form with an Apply button; with it,
 * next/form navigates without a reload, and changing a checkbox, select or date submits it at once.
 * `stateKey` changes with every new URL state, and the inputs are then reset to what the server
 * rendered: uncontrolled inputs otherwise keep the reader's last change (a chip removed elsewhere
 * would leave its checkbox ticked). A filter changed while the page's scripts were still loading
 * is applied as soon as they run, rather than left showing a choice the results do not reflect.
 */
export function ArchiveForm({ id, stateKey, className, children }: { id: string; stateKey: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const refocus = useRef<string | null>(null);
  const rendered = useRef<string | null>(null);

  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    let timer: number | undefined;
    const onChange = (event: Event) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement) || !AUTO_SUBMIT.has(field.type)) return;
      window.clearTimeout(timer);
      refocus.current = field.id || null;
      // A date typed digit by digit is a valid date several times over: wait for the reader to pause.
      timer = window.setTimeout(() => form.requestSubmit(), field.type === "date" ? 800 : 0);
    };
    form.addEventListener("change", onChange);
    // The panel's links (years) are plain links in its HTML: with scripts, they navigate as next/link would.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[data-soft]") : null;
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      router.push(link.getAttribute("href") ?? "/archive", { scroll: false });
    };
    form.addEventListener("click", onClick);
    const early = Array.from(form.elements).find(changedBeforeScripts);
    if (early) {
      refocus.current = early.id || null;
      form.requestSubmit();
    }
    return () => {
      window.clearTimeout(timer);
      form.removeEventListener("change", onChange);
      form.removeEventListener("click", onClick);
    };
  }, [router]);

  useEffect(() => {
    const form = ref.current;
    // On the first render the inputs already hold what the server rendered, or the reader's early change.
    const first = rendered.current === null;
    rendered.current = stateKey;
    if (!form || first) return;
    for (const field of Array.from(form.elements)) {
      if (field instanceof HTMLInputElement) {
        if (field.type === "checkbox" || field.type === "radio") field.checked = field.defaultChecked;
        else if (field !== document.activeElement) field.value = field.defaultValue;
      } else if (field instanceof HTMLSelectElement && field.dataset.value !== undefined) {
        field.value = field.dataset.value;
      }
    }
    // A value that moved (a provider out of "More providers") is a new element: keep the keyboard where it was.
    const id = refocus.current;
    refocus.current = null;
    if (id && (document.activeElement === null || document.activeElement === document.body)) document.getElementById(id)?.focus();
  }, [stateKey]);

  return (
    <Form id={id} ref={ref} action="/archive" prefetch={false} scroll={false} onSubmit={dropEmptyFields} className={className}>
      {children}
    </Form>
  );
}

/** A checkbox, select or date that no longer holds what the server rendered, before any change event was heard. */
function changedBeforeScripts(field: Element): field is HTMLInputElement | HTMLSelectElement {
  if (field instanceof HTMLInputElement && AUTO_SUBMIT.has(field.type)) {
    return field.type === "checkbox" || field.type === "radio" ? field.checked !== field.defaultChecked : field.value !== field.defaultValue;
  }
  return field instanceof HTMLSelectElement && field.dataset.value !== undefined && field.value !== field.dataset.value;
}

/** Leaves empty fields out of the URL (q=&from=) by lifting their names until next/form has read the form. */
function dropEmptyFields(event: FormEvent<HTMLFormElement>) {
  const blanks: (HTMLInputElement | HTMLSelectElement)[] = [];
  for (const field of Array.from(event.currentTarget.elements)) {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) continue;
    if (!field.name || field.disabled || field.type === "checkbox" || field.value.trim() !== "") continue;
    blanks.push(field);
  }
  for (const field of blanks) {
    field.dataset.name = field.name;
    field.removeAttribute("name");
  }
  window.setTimeout(() => {
    for (const field of blanks) {
      field.name = field.dataset.name ?? "";
      delete field.dataset.name;
    }
  });
}
