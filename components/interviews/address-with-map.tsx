import { mapsSearchUrl } from '@/lib/domain/contact-links';

/** An address with a link that opens it in a maps app. */
export function AddressWithMap({ address }: { address: string }) {
  return (
    <>
      {address} ·{' '}
      <a href={mapsSearchUrl(address)} className="text-brand-700 underline" rel="noopener noreferrer" target="_blank">
        Open in maps
      </a>
    </>
  );
}
