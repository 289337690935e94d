import { mapsSearchUrl } from '@/lib/domain/contact-links';
import { textLinkClassName } from '@/components/ui/text-link';

/** An address with a link that opens it in a maps app. */
export function AddressWithMap({ address }: { address: string }) {
  return (
    <>
      {address} ·{' '}
      <a href={mapsSearchUrl(address)} className={textLinkClassName()} rel="noopener noreferrer" target="_blank">
        Open in maps
      </a>
    </>
  );
}
