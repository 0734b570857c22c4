// /vision/board: the Action宣言 board for the lobby display — full screen, no app chrome, large type. It cycles through
// the 掲示中 declarations (the public list, so the display needs no login) every few seconds, with a pause button and
// keyboard controls (← → to move, space to pause). With prefers-reduced-motion it starts paused and never fades.
import { useEffect, useRef, useState } from "react";
import type { PublicDeclaration } from "../../../common/api/vision-engagement";
import { useDocumentTitle } from "../../ui/useDocumentTitle";
import { declarationAuthor } from "./declarationAuthor";
import { em } from "./engagementMessages";
import { usePublicDeclarations } from "./engagementQueries";

const INTERVALS = [8, 12, 20, 30];

function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
}

const palette = { background: "#0b2e59", card: "#ffffff", ink: "#102a43", accent: "#f7c948", muted: "#d9e2ec" };

export function DeclarationBoardPage() {
  useDocumentTitle(em.board.title);
  // New approvals appear on the board within a minute.
  const list = usePublicDeclarations(null, { refetchInterval: 60_000 });
  const items = list.data?.items ?? [];
  const [reduced] = useState(prefersReducedMotion);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(!reduced);
  const [seconds, setSeconds] = useState(12);
  const cardRef = useRef<HTMLDivElement>(null);
  const count = items.length;
  const current: PublicDeclaration | undefined = items[count > 0 ? index % count : 0];

  useEffect(() => {
    if (!playing || count < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), seconds * 1000);
    return () => clearInterval(timer);
  }, [playing, count, seconds]);

  useEffect(() => {
    if (reduced || !current) return;
    cardRef.current?.animate?.([{ opacity: 0 }, { opacity: 1 }], { duration: 600, easing: "ease-out" });
  }, [current, reduced]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const inControl = target?.closest("button, select, input, textarea, a");
      if (event.key === "ArrowRight") {
        setIndex((i) => (count ? (i + 1) % count : 0));
        event.preventDefault();
      } else if (event.key === "ArrowLeft") {
        setIndex((i) => (count ? (i - 1 + count) % count : 0));
        event.preventDefault();
      } else if ((event.key === " " || event.key === "k") && !inControl) {
        setPlaying((p) => !p);
        event.preventDefault();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count]);

  const buttonStyle: React.CSSProperties = {
    background: "transparent",
    color: "#fff",
    border: "2px solid #fff",
    borderRadius: 6,
    padding: "0.5rem 1rem",
    fontSize: "1.1rem",
    cursor: "pointer",
    minWidth: "6rem",
  };

  return (
    <main
      id="main"
      style={{
        minHeight: "100vh",
        background: palette.background,
        color: "#fff",
        display: "flex",
        flexDirection: "column",
        padding: "clamp(1rem, 3vw, 3rem)",
        boxSizing: "border-box",
        gap: "clamp(1rem, 2vw, 2rem)",
      }}
    >
      <header>
        <p style={{ margin: 0, fontSize: "clamp(1rem, 1.6vw, 1.6rem)", color: palette.muted }}>{list.data?.planName ?? em.board.sub}</p>
        <h1 style={{ margin: 0, fontSize: "clamp(1.8rem, 3.6vw, 3.6rem)", fontWeight: 800 }}>{em.board.heading}</h1>
      </header>

      <div
        ref={cardRef}
        // Announced when paused or moved by hand; silent while it cycles on its own (a lobby screen).
        aria-live={playing ? "off" : "polite"}
        aria-atomic="true"
        style={{
          flex: 1,
          background: palette.card,
          color: palette.ink,
          borderRadius: 16,
          padding: "clamp(1.5rem, 4vw, 4rem)",
          display: "flex",
          flexDirection: "column",
          justifyContent: "center",
          gap: "clamp(1rem, 2vw, 2rem)",
          borderTop: `12px solid ${palette.accent}`,
        }}
      >
        {list.isPending ? (
          <p style={{ fontSize: "2rem", margin: 0 }} role="status">
            {em.loading}
          </p>
        ) : current ? (
          <>
            {current.strategy ? (
              <p style={{ margin: 0, fontSize: "clamp(1.2rem, 2vw, 2rem)", fontWeight: 700, color: "#1c3f8f" }}>{current.strategy.title}</p>
            ) : null}
            <blockquote
              style={{ margin: 0, fontSize: "clamp(2rem, 4.6vw, 5rem)", lineHeight: 1.4, fontWeight: 700, wordBreak: "break-word" }}
            >
              {current.body}
            </blockquote>
            <p style={{ margin: 0, fontSize: "clamp(1.2rem, 2.2vw, 2.4rem)", textAlign: "right" }}>
              {declarationAuthor(current.organisationName, current.displayName, em.board.anonymous)}
            </p>
          </>
        ) : (
          <p style={{ fontSize: "clamp(1.6rem, 3vw, 3rem)", margin: 0 }} role="status">
            {list.error ? String((list.error as Error).message) : em.board.empty}
          </p>
        )}
      </div>

      <nav aria-label={em.board.controls} style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem", alignItems: "center" }}>
        <button
          type="button"
          style={buttonStyle}
          onClick={() => setIndex((i) => (count ? (i - 1 + count) % count : 0))}
          disabled={count < 2}
        >
          {em.board.prev}
        </button>
        <button type="button" style={buttonStyle} aria-pressed={!playing} onClick={() => setPlaying((p) => !p)} disabled={count < 2}>
          {playing ? em.board.pause : em.board.play}
        </button>
        <button type="button" style={buttonStyle} onClick={() => setIndex((i) => (count ? (i + 1) % count : 0))} disabled={count < 2}>
          {em.board.next}
        </button>
        <label style={{ display: "flex", alignItems: "center", gap: "0.5rem", fontSize: "1.1rem" }}>
          {em.board.interval}
          <select
            value={seconds}
            onChange={(e) => setSeconds(Number(e.currentTarget.value))}
            style={{ fontSize: "1.1rem", padding: "0.3rem", borderRadius: 6 }}
          >
            {INTERVALS.map((s) => (
              <option key={s} value={s}>
                {em.board.seconds(s)}
              </option>
            ))}
          </select>
        </label>
        {count > 0 ? <span style={{ fontSize: "1.1rem" }}>{em.board.position((index % count) + 1, count)}</span> : null}
        <span style={{ fontSize: "1rem", color: palette.muted, marginLeft: "auto" }}>{reduced ? em.board.reduced : em.board.keys}</span>
      </nav>
    </main>
  );
}
