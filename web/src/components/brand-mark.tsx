/** The platform's logo mark (decorative; the link around it carries the name). */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0c4c8f" />
      <path d="M16 44V20h6v9h10v-9h6v24h-6v-9H22v9z" fill="#fff" />
      <circle cx="47" cy="21" r="5" fill="#f6b26b" />
    </svg>
  );
}
