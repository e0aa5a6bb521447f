import type { ComponentProps } from 'react';
import { CmsImage } from './CmsImage';

/** A CMS image (a cover, a scan) with its caption under it when it has one; the bare image otherwise. */
export function CmsFigure(props: ComponentProps<typeof CmsImage>) {
  if (!props.image.caption) return <CmsImage {...props} />;
  return (
    <figure className="cms-figure">
      <CmsImage {...props} />
      <figcaption>{props.image.caption}</figcaption>
    </figure>
  );
}
