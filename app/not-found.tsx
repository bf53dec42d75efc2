import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-fg-muted">There is no such page or environment in this console.</p>
      <Link href="/" className="text-accent underline">
        See the configured environments
      </Link>
    </main>
  );
}
