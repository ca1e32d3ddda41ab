import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './navigate'

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly to: string }

/** An anchor that navigates in-app on a plain click and behaves natively otherwise (new tab, etc.). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={to} onClick={handleClick} {...rest} />
}
