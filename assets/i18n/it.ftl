# Switchboard in italiano. Ogni messaggio esiste anche in en.ftl, con gli
# stessi segnaposto (lo controlla un test). Le parole dell'articolo dove ci
# sono: Impostazioni, Marketing, Social, Account, Ricollega, Disconnetti.

## Date

month-short = { $month ->
    [1] gen
    [2] feb
    [3] mar
    [4] apr
    [5] mag
    [6] giu
    [7] lug
    [8] ago
    [9] set
    [10] ott
    [11] nov
   *[12] dic
}
relative-now = ora
relative-future-minutes = { $count ->
    [one] tra 1 minuto
   *[other] tra { $count } minuti
}
relative-future-hours = { $count ->
    [one] tra 1 ora
   *[other] tra { $count } ore
}
relative-future-days = { $count ->
    [one] tra 1 giorno
   *[other] tra { $count } giorni
}
relative-past-minutes = { $count ->
    [one] 1 minuto fa
   *[other] { $count } minuti fa
}
relative-past-hours = { $count ->
    [one] 1 ora fa
   *[other] { $count } ore fa
}
relative-past-days = { $count ->
    [one] 1 giorno fa
   *[other] { $count } giorni fa
}

## Conteggi

count-posts = { $count ->
    [one] 1 post
   *[other] { $count } post
}

## Tasti: la parola del piè di pagina (hint-) e la descrizione dell'aiuto (help-)

hint-up = su
help-up = Sposta su
hint-down = sposta
help-down = Sposta giù
hint-top = inizio
help-top = Prima riga
hint-bottom = fine
help-bottom = Ultima riga
hint-page-up = pagina su
help-page-up = Pagina su
hint-page-down = pagina giù
help-page-down = Pagina giù
hint-left = sinistra
help-left = Scheda o pulsante precedente
hint-right = destra
help-right = Scheda o pulsante successivo
hint-next-focus = area
help-next-focus = Area successiva, o il campo successivo
hint-prev-focus = area
help-prev-focus = Area (o campo) precedente
hint-confirm = dettagli
help-confirm = Dettagli; in una finestra, premi il pulsante
hint-cancel = annulla
help-cancel = Chiudi la finestra, cancella il filtro
hint-reconnect = ricollega
help-reconnect = Ricollega l'account evidenziato
hint-disconnect = disconnetti
help-disconnect = Disconnetti l'account evidenziato
hint-remove = rimuovi
help-remove = Rimuovi l'account evidenziato
hint-connect = collega
help-connect = Collega account
hint-clock = orologio
help-clock = Sposta l'orologio della demo
hint-switch-user = utente
help-switch-user = Agisci come un altro utente, o cambia lingua
hint-notifications = notifiche
help-notifications = Notifiche
hint-filter = filtra
help-filter = Filtra gli account per nome o handle
hint-filter-activity = per account
help-filter-activity = Solo l'attività dell'account evidenziato
hint-mark-all-read = segna lette
help-mark-all-read = Segna tutte le notifiche come lette
hint-toggle = seleziona
help-toggle = Seleziona una riga; spunta nelle finestre
hint-compose = scrivi
help-compose = Scrivi un post (bozza o programmato)
hint-reschedule = riprogramma
help-reschedule = Riprogramma un post, o quelli persi
hint-cancel-post = annulla post
help-cancel-post = Annulla il post selezionato
hint-sort = ordina
help-sort = Account per urgenza, o per social network
hint-state-filter = stato
help-state-filter = Mostra uno stato, o tutti
hint-tab-accounts = account
help-tab-accounts = Scheda Account
hint-tab-publishing = pubblicazione
help-tab-publishing = Scheda Pubblicazione
hint-tab-notifications = notifiche
help-tab-notifications = Scheda Notifiche
hint-tab-activity = attività
help-tab-activity = Scheda Attività
hint-tour-back = passo indietro
help-tour-back = Tour: annulla il passo precedente
hint-tour-panel = pannello tour
help-tour-panel = Tour: nascondi o mostra il pannello
hint-help = aiuto
help-help = Tutti i tasti
hint-quit = esci
help-quit = Esci
hint-tour-next = passo successivo
help-tour-next = Tour: esegui il passo successivo
hint-ok = ok

## La cornice

loading = caricamento…
demo-mark = demo
too-small = Switchboard ha bisogno di un terminale di almeno { $min }; questo è { $size }. Ingrandiscilo, premi ? per i tasti, o q per uscire.
role-title-super-admin = Super Admin
role-title-publisher = Editore
role-title-own-publisher = Editore (propri account)
role-title-viewer = Osservatore
role-title-no-social-access = Nessun accesso social
role-title-deactivated = Disattivato
sidebar-settings = Impostazioni
sidebar-preferences = Preferenze
sidebar-account-defaults = Impostazioni base
sidebar-marketing = Marketing
sidebar-email = Email
social = Social
sidebar-forms = Moduli
sidebar-users = Utenti e team
elsewhere = Le impostazioni di { $name } sono fuori da Switchboard: questo strumento gestisce gli account social del portale.
elsewhere-back = Scegli Social nel menu (↑↓ poi ⏎) per tornare.
connect-account = Collega account
tab-accounts = Account
tab-publishing = Pubblicazione
tab-notifications = Notifiche
tab-activity = Attività
locked-title = 🔒 Lo strumento social è bloccato
no-access-title = Nessun accesso allo strumento social
locked-hint = I tuoi dati sono conservati. Premi u per agire come un altro utente, q per uscire.
clock-moving = ⏳ Spostamento dell'orologio a { $target }: aggiornato a { $swept }, { $count ->
    [one] 1 evento applicato
   *[other] { $count } eventi applicati
} · Esc si ferma dopo questo passo
portal-busy = ⏳ Portale occupato: un altro programma ci sta scrivendo; lo mostro com'era all'ultimo aggiornamento, riprovo…
toast-clock-nothing = Orologio a { $at } · non è successo nulla
toast-clock-moved = Orologio a { $at } · { $events }
tally-published = { $count ->
    [one] 1 pubblicato
   *[other] { $count } pubblicati
}
tally-reauth-reminder = { $count ->
    [one] 1 promemoria di riautorizzazione
   *[other] { $count } promemoria di riautorizzazione
}
tally-purge-warning = { $count ->
    [one] 1 avviso di eliminazione
   *[other] { $count } avvisi di eliminazione
}
tally-disconnected = { $count ->
    [one] 1 disconnesso
   *[other] { $count } disconnessi
}
tally-purged = { $count ->
    [one] 1 cronologia eliminata
   *[other] { $count } cronologie eliminate
}


## Parole per stati e persone

reason-manual = manuale
reason-reauth-expired = riautorizzazione scaduta
reason-inactivity = inattività
reason-security = sicurezza
reason-deleted = eliminato dal social network
role-super-admin = super admin
role-publisher = editore, tutti gli account
role-own-publisher = editore, propri account
role-viewer = osservatore
role-no-social-access = nessun accesso social

## Account

count-days = { $count ->
    [one] 1 giorno
   *[other] { $count } giorni
}
status-connected = Collegato
status-connected-due = Collegato · riautorizza entro { IL($due) } ({ $left })
status-disconnected = Disconnesso ({ $reason }) { IL($since) } · { $days ->
    [one] 1 giorno
   *[other] { $days } giorni
} per conservare la cronologia
status-deleted = Eliminato dal social network { IL($since) } · non può essere ricollegato
status-expired = Scaduto ({ $reason }) · cronologia eliminata { IL($purged) }
state-all = tutti gli account
state-attention = da controllare
state-connected = collegati
state-disconnected = disconnessi
state-expired = scaduti
toast-connected-due = @{ $handle } è collegato: riautorizza entro { IL($due) }; Ricollega compare quando è disconnesso
toast-connected = @{ $handle } è collegato; Ricollega compare quando è disconnesso
toast-already-disconnected = @{ $handle } è già disconnesso
filter-typing-keys = ⏎ conserva  Esc cancella
filter-kept = Filtro: { $filter }
filter-kept-keys = / cambia  Esc cancella
order-by-urgency = per urgenza (prima la scadenza più vicina)
showing-state = mostra: { $state }
order-keys = s ordina  f stato
advice-reminder-week = il social network la richiederà: disconnetti e ricollega prima per non interromperlo
advice-cannot-come-back = rimuovilo, o lascia che la cronologia venga eliminata
empty-filter = Nessun account ha '{ $filter }' nel nome o nell'handle.
empty-filter-hidden = { $count ->
    [one] Corrisponde 1 account nascosto (disconnesso da oltre 90 giorni): usa Collega account
   *[other] Corrispondono { $count } account nascosti (disconnessi da oltre 90 giorni): usa Collega account
}
empty-accounts = Ancora nessun account: premi c per collegarne uno.
empty-state = Nessun account { $state }: premi f per un altro stato.
hidden-accounts = { $count ->
    [one] 1 account disconnesso da oltre 90 giorni è nascosto: usa Collega account
   *[other] { $count } account disconnessi da oltre 90 giorni sono nascosti: usa Collega account
}
button-reconnect = Ricollega
button-disconnect = Disconnetti
button-remove = Rimuovi
only-who-may-disconnect = solo { $who } può disconnetterlo

## Finestre: pulsanti

button-cancel = Annulla
button-ok = OK
button-next = Avanti
button-continue = Continua
button-save-draft = Salva bozza
button-schedule-post = Programma post
button-remove-account = Rimuovi account
button-reconnect-accounts = Ricollega account
button-disconnect-accounts = Disconnetti account
button-remove-accounts = Rimuovi account
button-reschedule = Riprogramma
button-cancel-post = Annulla post
button-keep-it = Mantienilo
button-disconnect-account = Disconnetti account
button-authorize = Autorizza
button-start-demo-clock = Avvia un orologio demo
demo-clock-title = Avviare un orologio demo?
demo-clock-system = Questo portale segue l'orologio di sistema.
demo-clock-explain = Spostare il tempo avvia un orologio demo: ogni comando, qui e dalla riga di comando, agisce poi all'ora della demo finché non viene tolto (si torna all'orologio di sistema da questo menu o con 'switchboard clock unset', quando l'orologio di sistema l'ha raggiunto).

## La finestra Disconnetti

disconnect-question = Disconnettere { $network } @{ $handle } dal portale?
disconnect-scheduled = { $count ->
    [one] 1 post programmato
   *[other] { $count } post programmati
}
disconnect-scheduled-end = { $count ->
    [one] {" "}verrà annullato.
   *[other] {" "}verranno annullati.
}
disconnect-published = { $count ->
    [one] Il suo post pubblicato non apparirà più nella scheda Pubblicato (resta conservato).
   *[other] I suoi { $count } post pubblicati non appariranno più nella scheda Pubblicato (restano conservati).
}
disconnect-drafts = Le bozze restano. Nessuno riceve una notifica.
disconnect-restore-before = Ricollegalo entro{" "}
disconnect-restore-after = {" "}per ritrovare tutto; dopo, la cronologia viene eliminata.

## La finestra Collega account

connect-which-network = Quale social network? (↑↓ poi ⏎)
connect-accounts-of = Account { $network } da collegare:
connect-explain = Qui ci sono gli account disconnessi di questo social network: spuntali per ricollegarli; quelli nascosti dopo 90 giorni sono già spuntati.
connect-none-yet = (ancora nessuno: scrivi un handle qui sotto e premi ⏎)
connect-entry-reconnects = disconnesso { $since } · si ricollega
connect-entry-new-named = nuovo, di nome { $name }
connect-entry-new = nuovo
connect-add-handle = Aggiungi un handle:
connect-its-name = Il suo nome:

## Notifiche

empty-notifications = Nessuna notifica.
notification-reminder = Riautorizza entro una settimana
notification-purge-warning = Cronologia eliminata tra una settimana se non lo ricolleghi
account-number = account n. { $id }

## Avvisi e rifiuti

toast-disconnected = @{ $handle } disconnesso: { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}
toast-press-to-reschedule = premi { $key } per riprogrammarli
toast-reconnected = @{ $handle } ricollegato: { $resumed ->
    [one] 1 post verrà pubblicato
   *[other] { $resumed } post verranno pubblicati
}, { $missed ->
    [one] 1 perso
   *[other] { $missed } persi
}
toast-removed = Account rimosso { $count ->
    [0] (non aveva post)
    [one] con il suo post
   *[other] con i suoi { $count } post
}
toast-acting-as = Agisci come { $email }
toast-marked-read = { $count ->
    [one] 1 notifica segnata come letta
   *[other] { $count } notifiche segnate come lette
}
toast-stopping = Mi fermo dopo il passo in corso…
toast-system-clock = Di nuovo con l'orologio di sistema
toast-post-scheduled = Post n. { $id } programmato
toast-post-drafted = Post n. { $id } salvato come bozza
toast-post-canceled = Post n. { $id } annullato
toast-no-missed = Questo account non ha post persi da riprogrammare
toast-post-rescheduled = Post n. { $id } riprogrammato per { $when }
toast-account-changed = L'account è cambiato da quando hai aperto questa finestra: non è stato fatto nulla; eccolo com'è ora
toast-stopped = Fermato: gli eventi successivi restano in attesa
refused-not-allowed = Non consentito
refused-cannot-now = Non si può fare ora
connect-already-connected = @{ $handle } è già collegato su { $network }
connect-deleted = @{ $handle } è stato eliminato da { $network }: non può essere ricollegato
compose-nothing-title = Nessun account su cui pubblicare
compose-nothing-explain = Non puoi pubblicare su nessun account: serve il permesso di pubblicazione e l'accesso all'account (R10f). Chiedi a un super admin.
toast-connect-done = { $network } · { $connected ->
    [one] 1 collegato
   *[other] { $connected } collegati
}, { $reconnected ->
    [one] 1 ricollegato
   *[other] { $reconnected } ricollegati
}
connect-failures = { $failed ->
    [one] 1 su { $count } non collegato
   *[other] { $failed } su { $count } non collegati
}

## Menu, dettaglio dell'account, aiuto

clock-an-hour = di un'ora
clock-a-day = di un giorno
clock-a-week = di una settimana
clock-30-days = di 30 giorni
clock-90-days = di 90 giorni
clock-next-event = al prossimo evento
clock-advance = Avanti { $by }
clock-unset = Torna all'orologio di sistema (togli l'orologio demo)
clock-unset-not-yet = Torna all'orologio di sistema: non prima del { $until } (il tempo non torna indietro)
error-tui-clock-back = L'ora di questo portale ha già superato l'orologio di sistema, e il tempo non torna indietro: l'orologio di sistema può subentrare dal { $until } in poi.
error-no-next-event = non è in programma nulla: nessun evento successivo
error-clock-moving = l'orologio si sta già spostando: aspetta, o premi Esc per fermarlo
picker-clock = Sposta l'orologio della demo
picker-act-as = Agisci come
picker-keys = ↑↓ ⏎ scegli · Esc chiudi
user-deactivated = disattivato
menu-language = Lingua: passa a { $next }
language-en = English
language-it = Italiano
toast-language = Lingua: italiano
toast-field-cut = Questo campo accetta al massimo { $limit } caratteri: il resto è stato tagliato
toast-showing-state = Mostra { $state } · f per lo stato successivo
toast-hover-first = evidenzia prima un account nella scheda Account, poi premi f qui
toast-marked = { $count ->
    [one] 1 account selezionato
   *[other] { $count } account selezionati
}: r, d o x agiscono su tutti · Esc toglie la selezione
toast-marks-cleared = Selezione tolta
mark-first-connection = prima connessione
mark-current-grant = autorizzazione attuale
mark-reminder = promemoria (una settimana prima)
mark-deadline = scadenza della riautorizzazione
mark-disconnected = disconnesso ({ $reason })
mark-hidden = nascosto dall'elenco Account (90 giorni)
mark-purge-warning = avviso di eliminazione
mark-window-end = fine del periodo per ricollegarlo: cronologia eliminata
esc-close = Esc chiudi
detail-status = Stato
detail-connected-by = Collegato da
detail-last-connected-by = Ultimo collegamento di
detail-posts = Post
detail-post-counts = { $count } in tutto · { $scheduled } programmati · { $published } pubblicati · { $missed } persi
detail-advice-reminder-week = ⚠ Il social network la richiede di nuovo { IL($due) }: disconnetti e ricollega prima per non interromperlo.
detail-advice-deleted = Eliminato sul social network: non si può ricollegare; la sua cronologia viene eliminata { IL($purge) }.
detail-advice-export = Conserva una copia della cronologia prima dell'eliminazione: switchboard account export { $id }
now-mark = ora
place-dialogs = finestre
place-tours = tour
help-keys-scroll = ↑↓ scorri · Esc chiudi
help-keys-mouse = Esc chiudi · mouse: passa su una riga, clicca un'azione, la rotella scorre
help-title = Tasti

## Le finestre Ricollega e Rimuovi

reconnect-title = Ricollega account
reconnect-authorize-title = { $network } · Autorizza Switchboard
reconnect-would-publish = Switchboard vorrebbe pubblicare come { $name } (@{ $handle }) per conto di { $actor }.
reconnect-simulated = (Una schermata di autorizzazione simulata: nessun social network viene contattato.)
reconnect-restores = Ricollegarlo ripristina tutto:{" "}
reconnect-will-publish = { $count ->
    [one] {" "}verrà pubblicato all'ora prevista;{" "}
   *[other] {" "}verranno pubblicati all'ora prevista;{" "}
}
reconnect-missed = { $count ->
    [one] 1 perso
   *[other] { $count } persi
}
reconnect-missed-end = { $count ->
    [one] {" "}mentre era disconnesso: resta annullato (puoi riprogrammarlo).
   *[other] {" "}mentre era disconnesso: restano annullati (puoi riprogrammarli).
}
reconnect-published-back = I post pubblicati tornano nella scheda Pubblicato.
reconnect-fresh = Il periodo per ricollegarlo è finito: inizia una nuova connessione, senza cronologia.
reconnect-recommended = Consigliato: { $who } ha collegato questo account per primo e dovrebbe riautorizzarlo.
remove-question = Rimuovere { $network } @{ $handle } e { $count ->
    [one] il suo post
   *[other] tutti i suoi { $count } post
}? Non c'è un periodo per tornare indietro: sparisce subito.
remove-type-handle = Scrivi l'handle{" "}
remove-to-confirm = {" "}per confermare:

## Post: scrivi, riprogramma, annulla; azioni su più account

post-scheduled-for = programmato per { IL($when) }
post-a-draft = una bozza
post-was = era { IL($when) }
post-publishes = pubblica { IL($when) } ({ $relative })
cancel-post-question = Annullare il post n. { $id } su { $network } · { $account } ({ $when })?
cancel-post-explain = Non verrà pubblicato; resta nella scheda Annullati e si può riprogrammare.
reschedule-title = Riprogramma post
reschedule-post-on = Post n. { $id } su { $network } · { $account } ({ $was }):
reschedule-at = Pubblicalo il ({ $example }, o +3d da ora):
compose-title = Scrivi un post
compose-no-match = nessun account su cui puoi pubblicare corrisponde: scrivi parte del nome
compose-type-text = scrivi il testo del post
compose-too-long = { $network } accetta al massimo { $limit } caratteri ({ $typed } scritti)
compose-account = Account (scrivi per cercare):
compose-no-account = Nessun account su cui puoi pubblicare corrisponde.
compose-text = Testo ({ $count }/{ $limit } caratteri):
compose-when = Quando: vuoto salva una bozza; { $example } o +3d lo programma
compose-saved-draft = salvato come bozza
time-not-a-time = '{ $typed }' non è un orario: scrivilo come 2026-03-14 09:30, o +3d da ora
time-not-in-zone = { $typed } non esiste in questo fuso orario
time-out-of-range = '{ $typed }' è fuori intervallo
refused-nothing-changed = Non è stato cambiato nulla; il tentativo è nel registro Attività.
bulk-will-disconnect = { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}
bulk-will-reconnect = { $resumed ->
    [one] 1 post verrà pubblicato
   *[other] { $resumed } post verranno pubblicati
}, { $missed ->
    [one] 1 perso
   *[other] { $missed } persi
}
bulk-will-start-fresh = si riparte da zero: i termini sono scaduti
bulk-will-remove = eliminato con { $count ->
    [0] nessun post
    [one] il suo post
   *[other] i suoi { $count } post
}
detail-missed-reschedule = { $count ->
    [one] 1 post perso
   *[other] { $count } post persi
} durante la disconnessione: premi { $key } per riprogrammarli.
toast-bulk-reconnected = { $count ->
    [one] 1 account ricollegato
   *[other] { $count } account ricollegati
}
toast-bulk-disconnected = { $count ->
    [one] 1 account disconnesso
   *[other] { $count } account disconnessi
}
toast-bulk-removed = { $count ->
    [one] 1 account rimosso
   *[other] { $count } account rimossi
}
bulk-some-done = { $done } su { $count } fatti
bulk-title = Più account
bulk-reconnect-head = Ricollega { $count ->
    [one] 1 account
   *[other] { $count } account
} dei { $marked } selezionati:
bulk-disconnect-head = Disconnetti { $count ->
    [one] 1 account
   *[other] { $count } account
} dei { $marked } selezionati:
bulk-remove-head = Rimuovi { $count ->
    [one] 1 account
   *[other] { $count } account
} dei { $marked } selezionati:
bulk-refused = { $count ->
    [one] 1 account no
   *[other] { $count } account no
}: ✗ dice perché, e chi può farlo.
bulk-more = e altri { $count }
bulk-type-to-confirm = Non c'è un periodo per tornare indietro. Scrivi { $word } per confermare:

## Rifiuti: per lo stato (uscita 5), per permesso o abbonamento (uscita 3)

refusal-already-connected = l'account è già collegato: non c'è niente da ricollegare (disconnettilo prima per avviare una nuova autorizzazione)
refusal-not-connected = l'account non è collegato: ricollegalo prima
refusal-deleted-on-network = l'account è stato eliminato dal social network e non può essere ricollegato (R6e): collega l'account che il social network ha ora, o rimuovi questo
refusal-already-disconnected = l'account è già disconnesso ({ $reason }): non cambia nulla
refusal-clock-backwards = il portale è già stato aggiornato fino a { $swept }, e { $now } è prima: l'orologio di un portale non torna mai indietro; agisci a { $swept } o dopo (--now, o clock set)
refusal-not-in-the-future = { $at } non è nel futuro (ora è { $now }): scegli un istante successivo
refusal-account-not-connected = l'account non è collegato, quindi non si può programmare nulla: ricollegalo prima
refusal-account-expired = la cronologia dell'account è stata eliminata alla fine del periodo per ricollegarlo: ricollegalo prima
refusal-post-published = il post è già pubblicato: non si può annullare né riprogrammare; programma un nuovo post
refusal-post-canceled = il post è già stato annullato da un utente: riprogrammalo con 'post reschedule ID --at ...' per riaverlo
refusal-wrong-confirmation = la conferma non corrisponde all'handle dell'account: passa --confirm { $handle } per rimuoverlo
refusal-last-super-admin = questo è l'ultimo super admin attivo: aggiungi prima un altro super admin
refusal-user-exists = esiste già un utente con questa email: vedi 'user list'
refusal-user-deactivated = l'utente è già disattivato
denial-deactivated = il tuo utente è disattivato e non può fare nulla: chiedi a un super admin
denial-tier = lo strumento social non è incluso nell'abbonamento { $tier }: è compreso in { $tiers } (un super admin può usare 'tier set')
denial-only = azione riservata a: { $who }
who-tiers = i portali con { $tiers }
who-super-admins = un super admin
who-original-connector = chi ha collegato l'account per primo ({ $email }) o un super admin
who-all-access-publishers = gli utenti con accesso social 'all' e il permesso di pubblicare, o un super admin
who-either = { $first } o { $second }
who-publishers-with-access = gli utenti con il permesso di pubblicare e accesso social 'all' (o 'own', per { $connectors }), o un super admin
who-viewers = gli utenti con accesso social 'own' o 'all', o un super admin
who-self-or-super-admins = { $email } o un super admin

## Errori

error-no-post = nessun post n. { $id } in questo portale: vedi 'switchboard post list'
error-no-user = nessun utente '{ $email }' in questo portale: vedi 'switchboard user list'
error-no-database = nessun database del portale in { $path }: creane uno con 'switchboard init' (o 'switchboard demo'), o indica con --db uno esistente
error-no-account = nessun account n. { $id } in questo portale: vedi 'switchboard account list --all'
error-unknown-network = social network sconosciuto '{ $text }': usa uno tra { $names }
error-not-an-instant = '{ $text }' non è un istante RFC 3339 ({ $why }); scrivilo come 2026-03-01T09:00:00Z
time-why-too-short = finisce troppo presto
time-why-too-long = c'è altro dopo l'istante
time-why-impossible = quella data o quell'ora non esiste
time-why-not-enough = ne manca una parte
time-why-form = non è in quella forma
key-space = Spazio
key-back-tab = Maiusc-Tab
key-home = Inizio
key-end = Fine
key-page-up = PagSu
key-page-down = PagGiù
post-after-deadline = oltre la scadenza del { $deadline }: annullato se non si riautorizza prima
cli-post-after-deadline = Nota: è dopo la scadenza di riautorizzazione dell'account ({ $deadline }): la disconnessione di quel momento annulla il post, a meno che qualcuno non riautorizzi prima l'account.
error-disk-full = il disco è pieno: libera spazio e riprova (non è stato cambiato nulla)
error-not-a-database = il file non è un database SQLite: controlla --db o SWITCHBOARD_DB, o crea un portale con 'switchboard init'

## Le parole della riga di comando

cli-status-connected = collegato
cli-status-connected-due = collegato · riautorizza entro { IL($due) }
cli-status-disconnected = disconnesso ({ $reason }) { IL($since) } · ricollegalo entro { IL($deadline) } per conservarne la cronologia
cli-status-deleted = eliminato dal social network { IL($since) } · non può essere ricollegato; la cronologia viene eliminata { IL($purge) }
cli-status-expired = scaduto ({ $reason }) · cronologia eliminata { IL($purged) }
cli-hidden = nascosto
cli-detail-status = stato
cli-detail-first-connected = primo collegamento
cli-detail-authorized = autorizzato
cli-detail-last-activity = ultima attività
cli-detail-original-connector = collegato per primo da
cli-detail-last-connector = ultimo collegamento di
cli-detail-reauthorize-by = riautorizza entro il
cli-detail-reminder = promemoria
cli-detail-reconnect-by = ricollega entro il
cli-notification-reminder = riautorizza entro una settimana
cli-notification-purge-warning = cronologia eliminata tra una settimana se non lo ricolleghi (conservane una copia: switchboard account export { $id })
cli-list-limit-0 = --limit 0 non elenca nulla: dai un --limit positivo, o toglilo per avere tutti gli account.
cli-list-no-more = Non ci sono altri account dopo quello.
cli-list-no-match = Nessun account corrisponde: prova un altro --status o --network.
cli-list-empty = Ancora nessun account: collegane uno con 'switchboard account connect NETWORK HANDLE'.
cli-list-hidden = { $count ->
    [one] 1 account disconnesso da oltre 90 giorni è nascosto: vedilo con --all, ricollegalo con 'account connect'.
   *[other] { $count } account disconnessi da oltre 90 giorni sono nascosti: vedili con --all, ricollegali con 'account connect'.
}
error-not-sqlite = { $path } non è un database SQLite, quindi non è un portale: controlla --db o SWITCHBOARD_DB, o crea un portale con 'switchboard init'
error-not-a-portal = il file è un database SQLite ma non un portale di Switchboard: controlla --db o SWITCHBOARD_DB, o crea un portale con 'switchboard init'

## Il registro Attività: i codici delle azioni a parole (in JSON restano i codici)

action-connect = collegamento
action-disconnect = disconnessione
action-reconnect = ricollegamento
action-remove = rimozione
action-export-account = esportazione account
action-list-accounts = elenco account
action-list-posts = elenco post
action-list-users = elenco utenti
action-network-event = evento del social
action-read-audit = lettura registro
action-read-notifications = lettura notifiche
action-show-account = dettaglio account
action-tier-set = abbonamento
action-user-add = nuovo utente
action-user-deactivate = utente disattivato
action-draft-post = bozza
action-generate = generazione
action-init = creazione portale
action-publish = pubblicazione
action-purge = eliminazione
action-purge-warning = avviso di eliminazione
action-reauth-reminder = promemoria
action-schedule-post = post programmato
action-cancel-post = post annullato
action-reschedule-post = post riprogrammato
action-clock-set = orologio demo
action-clock-unset = orologio di sistema
action-command = comando

toast-account-removed-log = L'account n. { $id } è stato rimosso: solo questo registro lo ricorda
activity-of-account = Attività del solo account n. { $id } · f mostra tutti gli account · ⏎ apre l'account
activity-of-all = Attività di tutti gli account · f mostra solo quello evidenziato · ⏎ apre l'account
empty-activity = Ancora nulla di registrato.
activity-account-removed = account n. { $id }, rimosso
activity-the-portal = il portale
activity-removed-short = n. { $id } (rimosso)
activity-denied = rifiutato
post-status-draft = bozza
post-status-scheduled = programmato
post-status-published = pubblicato
post-status-canceled = annullato
cancel-cause-user = da un utente
cancel-cause-disconnected = disconnesso
cancel-cause-missed = perso
post-tab-scheduled = Programmati
post-tab-published = Pubblicato
post-tab-drafts = Bozze
post-tab-canceled = Annullati
post-tabs-switch = ←→ cambia
empty-posts = Niente qui: premi a per scrivere un post.


## Tour

toast-acting-as-default = Agisci come { $actor }: passa --as EMAIL, o premi u, per agire come un altro utente
toast-clock-moving = L'orologio si sta spostando: attendi, o premi Esc per fermarlo
tour-at-start = Questo è l'inizio del tour: non c'è un passo a cui tornare
tour-changed-elsewhere = un altro programma ha cambiato il portale dopo questo passo, quindi tornare indietro cancellerebbe le sue modifiche: non è stato annullato nulla (il tour prosegue da qui)
tour-went-back = Tornato a prima del passo precedente
toast-tier-set = Abbonamento impostato a { $tier }
tour-step-title = Tour · passo { $done }/{ $total } · { $title }
tour-title = Tour · { $title }
tour-intro = { $total ->
    [one] 1 passo percorre
   *[other] { $total } passi percorrono
} tutto l'articolo. Premi { $next } per eseguire il primo.
tour-hint-next = { $next } avanti: { $upcoming } · { $back } indietro
tour-hint-over = Il tour è finito · { $back } indietro · esplora liberamente

## I dettagli del registro, scritti nella lingua di chi ha agito

audit-connected = account { $network } @{ $handle } collegato
audit-disconnected-manually = disconnesso a mano; { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}
audit-removed = account { $network } @{ $handle } rimosso { $count ->
    [0] (non aveva post)
    [one] con il suo post
   *[other] con i suoi { $count } post
}
audit-reconnected = ricollegato entro i termini; { $resumed ->
    [one] 1 post programmato riprende
   *[other] { $resumed } post programmati riprendono
}, { $missed ->
    [one] 1 perso
   *[other] { $missed } persi
}
audit-reconnected-fresh = ricollegato dopo i termini: una nuova connessione senza cronologia ({ $purged } post rimasti rimossi)
audit-post-scheduled = post n. { $id } programmato per { $at }
audit-post-drafted = post n. { $id } salvato come bozza
audit-post-rescheduled = post n. { $id } riprogrammato per { $at }
audit-post-canceled = post n. { $id } annullato
audit-user-added = utente { $email } aggiunto come { $role }
audit-user-deactivated = utente { $email } disattivato
audit-tier-changed = abbonamento cambiato da { $from } a { $to }
audit-clock-set = orologio demo impostato a { $at }
audit-clock-unset = orologio demo tolto: il portale segue di nuovo l'orologio di sistema
audit-network-reported = il social network ha segnalato l'account { $reason ->
    [security] per sicurezza
    [deleted] come eliminato
   *[other] per inattività
}; { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}
audit-published = post n. { $id } pubblicato all'ora prevista
audit-reminder = promemoria di riautorizzazione inviato a { $count ->
    [one] 1 utente
   *[other] { $count } utenti
}; l'account va riautorizzato entro { $due }
audit-purge-warning = avviso di eliminazione inviato a { $count ->
    [one] 1 utente
   *[other] { $count } utenti
}: la cronologia viene eliminata tra 7 giorni se l'account non viene ricollegato (conservane una copia con 'switchboard account export { $id }')
audit-lapse = disconnesso dal social network ({ $reason ->
    [manual] manuale
    [security] sicurezza
    [deleted] eliminato
    [inactivity] inattività
   *[other] riautorizzazione scaduta
}); { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}
audit-purged = fine dei termini per ricollegarlo; { $count ->
    [one] 1 post eliminato
   *[other] { $count } post eliminati
}
bulk-reconnected = ricollegato: { $resumed ->
    [one] 1 post verrà pubblicato
   *[other] { $resumed } post verranno pubblicati
}, { $missed ->
    [one] 1 perso
   *[other] { $missed } persi
}
bulk-disconnected = disconnesso: { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}
bulk-removed = rimosso { $count ->
    [0] (non aveva post)
    [one] con il suo post
   *[other] con i suoi { $count } post
}
headless-title = { $title } ({ $count ->
    [one] 1 passo
   *[other] { $count } passi
}; orari in UTC)
headless-step = Passo { $done }/{ $total }: { $title }
actor-system = sistema
actor-network = social network

## Aggiornamenti, dalla riga di comando

event-published = post n. { $id } pubblicato
event-published-one = un post pubblicato
event-reminder = promemoria di riautorizzazione inviato a { $count ->
    [one] 1 utente
   *[other] { $count } utenti
}
event-purge-warning = avviso di eliminazione inviato a { $count ->
    [one] 1 utente
   *[other] { $count } utenti
}
event-lapse = disconnesso dal social network ({ $reason }); { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}
event-purged = fine dei termini per ricollegarlo; { $count ->
    [one] 1 post eliminato
   *[other] { $count } post eliminati
}
summary-nothing = Non c'era nulla in scadenza.
summary-head = { $count ->
    [one] 1 evento
   *[other] { $count } eventi
} su { $accounts ->
    [one] 1 account
   *[other] { $accounts } account
}:
summary-published = { $count ->
    [one] 1 post pubblicato
   *[other] { $count } post pubblicati
} all'ora prevista
summary-reminders = { $count ->
    [one] 1 promemoria di riautorizzazione
   *[other] { $count } promemoria di riautorizzazione
} ({ $sum ->
    [one] 1 notifica
   *[other] { $sum } notifiche
} in tutto)
summary-purge-warnings = { $count ->
    [one] 1 avviso di eliminazione
   *[other] { $count } avvisi di eliminazione
} ({ $sum ->
    [one] 1 notifica
   *[other] { $sum } notifiche
} in tutto)
summary-lapses = { $count ->
    [one] 1 account disconnesso
   *[other] { $count } account disconnessi
} dal proprio social network ({ $sum ->
    [one] 1 post programmato annullato
   *[other] { $sum } post programmati annullati
})
summary-purges = { $count ->
    [one] 1 cronologia eliminata
   *[other] { $count } cronologie eliminate
} alla fine dei termini ({ $sum ->
    [one] 1 post cancellato
   *[other] { $sum } post cancellati
})

## Risultati dei comandi

cli-connected = { $network } @{ $handle } collegato come account n. { $id }.
cli-reconnected = { $network } @{ $handle } ricollegato: { $resumed ->
    [one] 1 post programmato verrà pubblicato all'ora prevista
   *[other] { $resumed } post programmati verranno pubblicati all'ora prevista
}, { $missed ->
    [0] nessuno è stato perso.
    [one] 1 è stato perso (riprogrammalo con 'post reschedule').
   *[other] { $missed } sono stati persi (riprogrammali con 'post reschedule').
}
cli-reconnected-note = Nota: { $who } l'ha collegato per primo ed è l'utente consigliato per riautorizzarlo.
cli-disconnected = @{ $handle } disconnesso: { $count ->
    [one] 1 post programmato annullato
   *[other] { $count } post programmati annullati
}; i post pubblicati non appaiono più nella scheda Pubblicato. Ricollegalo entro { IL($deadline) } per ritrovare tutto.
cli-removed = { $network } @{ $handle } rimosso { $count ->
    [0] (non aveva post).
    [one] con il suo post.
   *[other] con i suoi { $count } post.
}
cli-exported = Cronologia dell'account n. { $id } scritta in { $path }.
cli-not-done = non fatto: { $why }
progress-applying = applico gli eventi dovuti
progress-drawing-posts = estraggo i post
progress-writing-accounts = scrivo gli account
progress-writing-posts = scrivo i post
progress-building-indexes = costruisco gli indici
progress-saving = salvo il file
cli-each-event = Ogni evento: aggiungi --verbose (o --json).
cli-swept = Portale aggiornato fino a { $at }.
cli-clock-set = Orologio demo impostato a { $at }.
cli-clock-unset = Orologio demo tolto: il portale segue di nuovo l'orologio di sistema ({ $at }).
cli-clock-show = ora { $now } (orologio { $source }); orologio demo { $demo }; portale aggiornato fino a { $swept }
cli-clock-unset-word = non impostato
cli-clock-never = mai
cli-demo-created = Portale demo creato in { $path }. I suoi utenti:
cli-demo-open = Aprilo con: switchboard --db { $path } --as { $admin }
error-not-a-demo = { $path } non è un portale demo, quindi resta com'è: spostalo, o crea la demo altrove con --db PATH
cli-audit-empty = Il registro è vuoto.
cli-created = Portale '{ $portal }' ({ $tier }) creato in { $path } con il super admin { $admin }.
cli-generated = { $accounts ->
    [one] Generato 1 account
   *[other] Generati { $accounts } account
} e { $posts ->
    [one] 1 post
   *[other] { $posts } post
} in { $path } (seme { $seed }, orologio { $now }); agisci come { $admin }.
cli-tier-set = Abbonamento impostato a { $tier }.
cli-config-at = La TUI legge la sua configurazione da { $path }. Vedi ogni impostazione con 'switchboard config --default'.
cli-config-none = Nessun file di configurazione in { $path } (la TUI usa i valori predefiniti). Creane uno con: switchboard config --default > { $path }
cli-config-no-home = Nessuna cartella home, quindi nessun file di configurazione: la TUI usa i valori predefiniti.
cli-user-added = { $email } aggiunto come { $role }.
cli-user-deactivated = { $email } disattivato.
cli-no-users = Nessun utente.
cli-no-posts = Nessun post.
cli-user-access = accesso
cli-user-publish = pubblica
cli-yes = sì
cli-no = no
cli-user-active = attivo
cli-outcome-ok = ok
error-account-changed = l'account { $network } @{ $handle } (n. { $id }) è cambiato da quando è stato mostrato (versione { $seen }, ora { $now }), quindi non è stato fatto nulla: guardalo di nuovo ('switchboard account show { $id }') e ripeti l'azione se vale ancora
error-unsafe-character = { $what } '{ $text }' contiene { $found }: scrivilo di nuovo senza quel carattere
error-handle-length = un handle ha da 1 a { $max } caratteri, come acmecorp o @acmecorp
error-migrate-unsafe-row = { $table } riga { $id }: il campo { $column } contiene { $what }, che arriverebbe grezzo a un terminale o a un'intestazione di posta: correggilo nel portale d'origine, poi ripeti la migrazione (non è stato copiato nulla)
error-handle-spaces = l'handle '{ $handle }' contiene spazi: un handle è una parola sola, come acmecorp
error-handle-mixed-scripts = l'handle '{ $handle }' mescola alfabeti (come una lettera cirillica tra lettere latine), quindi può passare per un altro: scrivilo in un solo alfabeto
error-handle-lookalike = l'handle '@{ $handle }' somiglia a @{ $existing } (n. { $id }) su questo social: riconnetti quell'account o controlla l'ortografia
error-text-length = il testo di un post su { $network } ha da 1 a { $limit } caratteri (questo ne ha { $length }): accorcialo
field-account-name = il nome di un account
field-handle = l'handle
field-email = l'indirizzo email
field-user-name = il nome di un utente
error-name-length = { $what } ha da 1 a { $max } caratteri stampabili
error-bad-email = '{ $email }' non è un indirizzo email: scrivilo come ana@example.com
error-journal = non è stato possibile passare il database del portale in modalità WAL (è in modalità { $mode }): rendi scrivibile la sua cartella
error-folder-not-database = { $path } è una cartella, non un database del portale: passa il file del database con --db
error-read-only-file = il database del portale { $path } è in sola lettura, e ogni comando scrive per aggiornare il portale: rendilo scrivibile (chmod u+w { $path })
error-portal-replaced = { $path } non è più il file che Switchboard ha aperto (è stato sostituito, spostato, o il suo file -wal è stato cancellato), quindi non è stato scritto nulla: riavvia Switchboard per aprire il file che c'è ora in quel percorso
error-needs-actor = questo comando agisce, quindi serve un utente: passa --as EMAIL o imposta SWITCHBOARD_USER
error-read-only = il database del portale è in sola lettura, e ogni comando deve scrivere per aggiornare il portale: rendi scrivibili il file e la sua cartella
error-busy = un altro processo tiene il database del portale: riprova tra un momento
error-io = il database del portale non si è potuto leggere o scrivere ({ $why }): controlla che la cartella sia scrivibile e che il disco abbia spazio, poi riprova (non è stato cambiato nulla)
error-corrupt = il database del portale è danneggiato: ripristinalo da un backup
error-database = il database del portale ha avuto un errore: { $why }; se si ripete, controlla il file con 'sqlite3 FILE "PRAGMA integrity_check"'
error-file-exists = { $path } esiste già: Switchboard non sovrascrive mai un file; scegli un altro percorso per { $what } o cancella prima quel file
error-no-folder = la cartella { $dir } non esiste: creala prima (mkdir -p { $dir }) o scegli un altro percorso
error-file-too-large = il database del portale ha raggiunto il limite di dimensione dei file di questa shell ({ $limit } byte, 'ulimit -f'): alza il limite (ulimit -f unlimited) e riprova (non è stato cambiato nulla)

## Valori che non si leggono

error-unknown-tab = scheda sconosciuta '{ $text }': usa scheduled, published, drafts o canceled
error-unknown-event = evento del social network sconosciuto '{ $text }': usa security, deleted o inactive
error-unknown-status = stato sconosciuto '{ $text }': usa attention, connected, disconnected, expired o all
error-unknown-access = accesso social sconosciuto '{ $text }': usa none, own o all
error-unknown-tier = abbonamento sconosciuto '{ $text }': usa uno tra { $names }
error-unknown-order = ordine sconosciuto '{ $text }': usa --sort network o --sort urgency
error-instant-out-of-years = '{ $text }' è fuori dagli anni { $years } che un portale può contenere
error-clock-out-of-years = spostare l'orologio da { $from } di { $days ->
    [one] 1 giorno
   *[other] { $days } giorni
} uscirebbe dagli anni { $years } che un portale può contenere: spostalo di meno
duration-hint = scrivi una durata come 90d, 12h, 30m, 2w o 1d12h
error-duration-empty = una durata vuota: { $hint }
error-duration-unit = '{ $text }' ha l'unità sconosciuta '{ $unit }': { $hint }
error-duration-no-number = '{ $text }' ha un'unità senza un numero davanti: { $hint }
error-duration-too-long = '{ $text }' è più lungo di 1000 anni
error-duration-no-unit = '{ $text }' finisce senza unità: { $hint }
error-duration-zero = '{ $text }' è zero: l'orologio va solo avanti
error-generate-no-accounts = --accounts deve essere almeno 1
error-generate-too-many = al massimo 10 000 000 account e 1 000 000 000 post
error-no-super-admin = il portale non ha un super admin attivo: passa --as EMAIL
config-problem = { $path }: { $problem }; uso i valori predefiniti
config-unreadable = non riesco a leggere { $path }: { $why }; uso i valori predefiniti
config-no-key = [keys] { $action } non ha tasti: dagliene almeno uno
error-unknown-theme = tema sconosciuto '{ $text }': usa default, dark, light o mono
error-unknown-key = tasto sconosciuto '{ $text }': usa un carattere, o enter, esc, tab, space, up, pagedown, f1, ctrl-x ...
error-needs-terminal = l'interfaccia a terminale ha bisogno di un terminale: avviala in uno, o usa un sottocomando (vedi 'switchboard --help')
error-terminal = il terminale ha avuto un errore: { $why }
error-cannot-write-output = impossibile scrivere l'output: { $why }
cli-man-written = { $count ->
    [one] Scritta 1 pagina
   *[other] Scritte { $count } pagine
} di manuale in { $dir }.
error-foreign-wal = il registro write-ahead { $wal } appartiene a un altro database, non a { $path } (un file è stato spostato sopra il portale mentre un programma lo aveva aperto): non è stato aperto nulla; se { $path } è il portale che vuoi, sposta { $wal } altrove e riprova
error-tour-json = tour stampa la schermata di ogni passo in Markdown, non in JSON: eseguilo senza --json
error-terminal-gone = il terminale si è chiuso
cli-needs-subcommand = '{ $command }' ha bisogno di un sottocomando: { $names }; vedi '{ $command } --help'
on-date = { IL($date) }

## Consegna per email e webhook (watch, notifications outbox, user set)
config-invalid = { $path }: { $problem }: correggilo, poi riavvia il watch (o mandagli SIGHUP)
config-cannot-read = non riesco a leggere { $path }: { $why }
error-no-delivery = nessuna consegna n. { $id } in questo portale: vedi 'switchboard notifications outbox'
error-delivery-not-failed = la consegna n. { $id } è { $state }, non fallita: si riprova solo una consegna fallita
error-bad-webhook = { $why }
error-bad-switch = '{ $value }' non è né on né off
error-bad-lang = '{ $value }' non è una lingua di Switchboard: usa en o it
audit-user-channels = consegne di { $email }: email { $mail }, webhook { $webhook } ({ $format }), { $delivery }, fuso orario { $zone }
audit-delivery-retry = consegna n. { $id } ({ $channel } a { $address }) rimessa in coda
action-user-channels = consegne dell'utente
action-delivery-retry = nuovo tentativo di consegna
action-read-outbox = lettura della coda di consegna
delivery-removed-account = account n. { $id } (rimosso)
delivery-no-deadline = a breve
delivery-reminder-subject = Riautorizza { $network } · { $account } entro { IL($deadline) }
delivery-reminder-text =
    Ciao { $name },

    { $network } chiederà di nuovo l'autorizzazione per { $account } (@{ $handle }) { IL($deadline) } ({ $zone }). Ricollegalo prima di allora, così i post programmati continuano a essere pubblicati senza interruzioni:

    - nella suite: Impostazioni > Marketing > Social, scheda Account, poi Ricollega sotto il nome dell'account;
    - dal terminale: switchboard account reconnect { $id }

    Questo promemoria arriva { $lead } prima della scadenza.
    Switchboard
delivery-purge-subject = { $network } · { $account }: la cronologia viene eliminata { IL($deadline) }
delivery-purge-text =
    Ciao { $name },

    { $account } (@{ $handle }) su { $network } è disconnesso da quasi tutto il periodo in cui si può ricollegare: { IL($deadline) } ({ $zone }) i suoi post e la sua cronologia vengono eliminati per sempre. Per conservarli, ricollegalo prima di allora:

    - nella suite: Impostazioni > Marketing > Social, scheda Account, poi Ricollega sotto il nome dell'account;
    - dal terminale: switchboard account reconnect { $id }

    Per conservarne invece una copia: switchboard account export { $id }
    Switchboard
cli-delivery-reminder = promemoria
cli-delivery-purge-warning = avviso di eliminazione
cli-delivery-delivered = consegnata ({ $attempts ->
    [one] 1 tentativo
   *[other] { $attempts } tentativi
    })
cli-delivery-queued = in coda
cli-delivery-expired = scaduta, non inviata: { $reason }
cli-delivery-retrying = da riprovare dopo { $attempts ->
    [one] 1 tentativo fallito
   *[other] { $attempts } tentativi falliti
    }: { $error }
cli-delivery-failed = fallita dopo { $attempts ->
    [one] 1 tentativo
   *[other] { $attempts } tentativi
    }: { $error } (per rimandarla: switchboard notifications retry { $id })
cli-delivery-requeued = La consegna n. { $id } ({ $channel } a { $address }) è di nuovo in coda: uno 'switchboard watch' in esecuzione la manda subito.
cli-outbox-empty = La coda di consegna è vuota: i promemoria si consegnano agli utenti che hanno scelto email o un webhook (switchboard user set EMAIL --email-notifications on).
cli-outbox-no-failed = Nessuna consegna fallita.
cli-channel-off = no
cli-channel-watch-lang = come il predefinito del watch
cli-user-channels-short = · email { $mail } · webhook { $webhook } · lingua { $lang } · fuso orario { $zone } · { $delivery }
cli-channel-on = sì
cli-user-channels = { $email }: email { $mail } · webhook { $webhook } · lingua { $lang } · fuso orario { $zone } · { $delivery }
cli-watch-delivered = consegnata n. { $id } per { $channel } a { $address }
cli-watch-expired = consegna n. { $id } via { $channel } a { $address } scaduta, non inviata: { $reason }
delivery-stale-deadline-passed = la scadenza che annuncia è passata
delivery-stale-account-removed = l'account è stato rimosso
delivery-stale-deadline-moved = la scadenza dell'account è cambiata da quando è stata scritta
delivery-stale-account-disconnected = l'account non è più connesso
delivery-stale-account-reconnected = l'account è stato riconnesso
delivery-stale-account-purged = la cronologia dell'account è già stata eliminata
delivery-stale-recipient-inactive = il destinatario è stato disattivato
delivery-stale-channel-changed = il destinatario ha disattivato questo canale o ne ha cambiato l'indirizzo
cli-watch-delivery-failed = consegna n. { $id } per { $channel } a { $address } fallita: { $error } { $retry ->
    [yes] (verrà riprovata)
   *[no] (abbandonata: switchboard notifications retry { $id })
    }

## Consegna nella TUI (issue 12)
hint-retry-deliveries = rimanda
help-retry-deliveries = Rimanda le consegne fallite
toast-deliveries-queued = { $count ->
    [one] 1 consegna rimessa in coda
   *[other] { $count } consegne rimesse in coda
    }
menu-email-on = I tuoi promemoria: per email{ $webhook } (cambia)
menu-email-off = I tuoi promemoria: non per email{ $webhook } (cambia)
menu-webhook = {" "}· webhook { $url }
notifications-failed-heading = ⚠ { $count ->
    [one] 1 consegna è fallita
   *[other] { $count } consegne sono fallite
    } definitivamente: R le rimanda
notifications-failed-line = {"  "}{ $channel } a { $address } · { $account }: { $error }
deliveries-title = I tuoi promemoria
deliveries-intro = Oltre alla casella, i promemoria di { $email } vanno anche a:
deliveries-email = { $mark } Per email a { $email } (Spazio)
deliveries-webhook = URL del webhook:{" "}
deliveries-webhook-note = Vuoto: nessun webhook. Firmato con $SWITCHBOARD_WEBHOOK_SECRET.
button-save = Salva
word-on = sì
word-off = no
toast-deliveries-saved = Promemoria per { $email }: email { $mail }, webhook { $webhook }

## PostgreSQL (issue 13)
error-postgres-no-database = il database PostgreSQL non esiste ({ $why }): crealo prima (createdb NOME), o controlla l'URL
error-postgres-login = PostgreSQL ha rifiutato l'accesso ({ $why }): controlla utente e password nell'URL, in PGPASSWORD o in ~/.pgpass
error-postgres-unreachable = non riesco a raggiungere il server PostgreSQL ({ $why }): avvialo, o controlla host e porta nell'URL
error-postgres-silent = il server PostgreSQL { $host } non ha completato la connessione entro { $seconds } s ({ $why }): controlla che host e porta siano di un server PostgreSQL, o concedigli più tempo con connect_timeout=SECONDI nell'URL
error-postgres-silent-why = ha accettato la connessione e poi non ha risposto
error-postgres-url = '{ $url }' non è un URL PostgreSQL ({ $why }): scrivilo come postgres://utente@host/nomedb
error-postgres-not-empty = il database PostgreSQL contiene già delle tabelle: un nuovo portale ha bisogno di un database vuoto (createdb NOME)
error-sqlite-only = { $what } funziona solo su un portale SQLite: fallo in un file, poi spostalo sul server con 'switchboard migrate --from FILE --to URL'
word-rewind = Tornare indietro di un passo del tour
error-postgres-failed = il portale PostgreSQL ha avuto un errore: { $why }; se si ripete, guarda il log del server
error-migrate-same = --from e --to indicano lo stesso portale: copialo in un nuovo file o in un database vuoto
error-migrate-mismatch = la copia di { $table } ha { $copied } righe dove il portale ne ha { $expected }: non è stato scritto nulla
cli-migrated = Portale copiato da { $from } a { $to }, ogni riga ricontata: { $tables }.
error-postgres-not-a-portal = il database PostgreSQL non è un portale Switchboard: controlla --db o SWITCHBOARD_DB, o crea lì un portale con 'switchboard init' (in un database vuoto)

## Tours: what a tour author reads when a tour cannot run
tour-error-unreadable = { $file }: non si riesce a leggerlo: { $why }
tour-error-no-file = { $file }: non esiste questo file di tour; indica il percorso di un tour .toml, oppure '{ $articolo }' ('{ $article }' in inglese) per quello incluso
tour-error-no-step = un tour ha bisogno di almeno un [[step]]
tour-error-lang = lang è '{ $code }': un tour è in en o it
tour-error-no-title = un passo ha bisogno di un titolo
tour-error-action-form = un'azione è una tabella con una chiave, come {"{"} select = "handle" {"}"}; le chiavi sono { $actions }
tour-error-takes-text = '{ $key }' vuole un testo, come {"{"} { $key } = "..." {"}"}
tour-error-unknown-user = utente sconosciuto '{ $email }': gli utenti del portale sono { $users }
tour-error-unknown-handle = handle sconosciuto '{ $handle }': gli account del portale sono { $handles }
tour-error-unknown-tab = scheda sconosciuta '{ $tab }': usa accounts, publishing, notifications o activity
tour-error-unknown-dialog = finestra sconosciuta '{ $dialog }': usa disconnect, reconnect, remove, connect, detail, clock, user o help
tour-error-unknown-button = pulsante sconosciuto '{ $label }': usa uno tra { $labels }
tour-error-next-event = scrivi next_event = true
tour-error-unknown-action = azione sconosciuta '{ $action }': le azioni sono { $actions }
tour-error-select-first = seleziona un account prima di un evento del social network
tour-error-gone = l'account @{ $handle } non c'è più
tour-error-hidden = @{ $handle } è nascosto (disconnesso da oltre 90 giorni): apri Collega account per raggiungerlo
tour-error-step = passo { $step } ({ $title }): { $why }
tour-error-not-shown = lo schermo non mostra '{ $text }'
tour-error-no-dialog = nessuna finestra è aperta per premere '{ $label }'
tour-error-no-button = la finestra non ha il pulsante '{ $label }' (ha { $labels })
tour-error-disabled = '{ $label }' è disattivato
tour-error-no-network-step = la finestra Collega account non sta chiedendo un social network

## Real networks (OAuth 2.0)
error-oauth = { $network }: { $why }
error-network-url = [networks.{ $network }] { $key }: { $why }
error-network-client-id = [networks.{ $network }] client_id è vuoto: scrivi il client id che il social network ha dato alla registrazione di Switchboard
error-no-network-client = qui { $network } è simulato: nel file di configurazione non c'è la sezione [networks.{ $name }]; aggiungila con il client id che ti ha dato il social network (README: Connecting real networks), o collega senza --authorize
error-authorize-handle = con --authorize è il social network a dire quale account è: togli l'handle, o togli --authorize
oauth-why-timeout = nessuna risposta completa entro { $seconds } s; riprova, o controlla lo stato del social network
oauth-why-unreachable = { $url } non è raggiungibile; controlla l'indirizzo nel file di configurazione e lo stato del social network
oauth-why-unreadable = la risposta di { $url } non si legge; riprova
oauth-why-no-device = la sua configurazione non ha device_authorization_url: aggiungilo, o accedi da un browser
oauth-why-denied = l'accesso è stato rifiutato sul social network: non è stato collegato nulla
oauth-why-expired = il codice è scaduto prima di essere inserito: ricomincia per averne uno nuovo
oauth-why-invalid-grant = il social network non accetta più questa autorizzazione: ricollega l'account
oauth-why-error = il social network ha risposto { $error } ({ $status })
oauth-why-status = il social network ha risposto { $status } senza dire perché
oauth-why-stopped = interrotto prima della fine dell'accesso: non è stato collegato nulla
oauth-why-no-token = la risposta del social network non conteneva un token di accesso
oauth-why-no-identity = il social network non ha detto quale account ha effettuato l'accesso (nessun id nelle sue informazioni utente)
oauth-why-not-https = { $url } non è https: un'autorizzazione passa solo su https (o su http verso questa macchina, per un server di prova)
oauth-device-prompt = Per collegare l'account { $network }, apri { $url } e inserisci il codice { $code } (scade tra { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    }). In attesa dell'accesso...
oauth-device-open = Oppure apri { $url }
audit-authorized = accesso su { $network } come @{ $handle }; permessi concessi: { $scopes }
action-authorize = autorizzazione
error-vault-key = la chiave della cassaforte non si può usare: { $why }
vault-why-env = SWITCHBOARD_VAULT_KEY non è di 64 cifre esadecimali
vault-why-mode = { $path } è leggibile da altri: rendilo solo del suo proprietario (chmod 600 { $path })
vault-why-file = { $path } non contiene una chiave di 64 cifre esadecimali: ripristinalo da un backup, o rimuovilo (le autorizzazioni sigillate con esso vanno perse: ricollega quegli account)
vault-why-seal = un token non si è potuto sigillare
error-vault-missing = qui la cassaforte non ha una chiave (vault.key nella cartella dei dati, o SWITCHBOARD_VAULT_KEY): le autorizzazioni conservate con un'altra chiave non si possono leggere; ricollega quegli account
error-authorize-one = --authorize ricollega un account alla volta: indica un solo id
error-another-login = questo accesso è @{ $login }, non @{ $handle }: accedi al social network come @{ $handle }
error-network-duration = [networks.{ $network }] { $key } = "{ $text }" è fuori intervallo: scrivi da { $least } a { $most }
warning-not-revoked = attenzione: l'autorizzazione non si è potuta ritirare su { $network } ({ $why }); qui l'account è disconnesso: ritira l'accesso dell'app nelle impostazioni del social network
oauth-why-listen = nessuna porta locale su cui ascoltare la risposta del social network ({ $why })
oauth-why-no-redirect = il browser non è tornato entro { $seconds } s: ricomincia
oauth-why-state = è tornata una risposta che non è di questo accesso (il suo state è diverso): non è stato collegato nulla
oauth-browser-done = Accesso effettuato: puoi chiudere questa finestra e tornare a Switchboard.
oauth-browser-refused = L'accesso non è stato completato: torna a Switchboard per vedere perché.
oauth-browser-prompt = Per collegare l'account { $network }, accedi da questa pagina (torna a questa macchina entro { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    }):
signin-title = Accedi su { $network }
signin-asking = Richiesta di un codice a { $network }...
signin-open = Da qualsiasi dispositivo, apri { $url }
signin-code = e inserisci il codice  { $code }
signin-expires = Il codice scade tra { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    }. Oppure inquadra:
signin-no-room-qr = (un terminale più alto mostra la pagina come codice QR)
toast-sign-in-stopped = Accesso interrotto: non è stato collegato nulla
toast-signed-in = Accesso su { $network } effettuato: @{ $handle } è collegato
connect-all-simulated = Simulati: nessun social network ha un client configurato.
connect-all-real = Ogni social network accede davvero.
connect-some-simulated = Simulati: { $networks }.
cli-detail-grant = autorizzazione: conservata sigillata; permessi { $scopes }
cli-detail-grant-unreadable = autorizzazione illeggibile: ricollega (la chiave della cassaforte di questa macchina non la apre)
detail-grant = Autorizzazione
detail-grant-kept = conservata sigillata · permessi { $scopes }
detail-grant-unreadable = illeggibile qui (la chiave della cassaforte non la apre): ricollega
signin-open-browser = Accedi da questa pagina, in un browser (aperto per te su un desktop):
signin-browser-waits = Torna a questa macchina; attesa di { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    } al massimo.
oauth-why-code-refused = il social network ha rifiutato di scambiare il codice dell'accesso (non era stato emesso per questo accesso, o era già stato usato): ricomincia
cli-deadlines-none = Nessuna scadenza nei prossimi { $days ->
        [one] giorno
       *[other] { $days } giorni
    }.
cli-deadline-reauthorize = riautorizza entro allora, o si disconnette
cli-deadline-purge = allora la cronologia viene eliminata, se non viene ricollegato
ics-calendar-name = { $portal } · Switchboard
ics-reauthorize-summary = Riautorizza { $network } @{ $handle }
ics-reauthorize-description = { $name } (@{ $handle }) su { $network } va riautorizzato entro quest'ora, o si disconnette e i suoi post programmati vengono annullati. Disconnettilo e ricollegalo prima: switchboard account reconnect { $id }
ics-purge-summary = { $network } @{ $handle }: cronologia eliminata
ics-purge-description = { $name } (@{ $handle }) su { $network } è disconnesso da quasi tutto il periodo in cui si può ricollegare: a quest'ora i suoi post e la sua cronologia vengono eliminati per sempre. Per conservarli, ricollegalo prima: switchboard account reconnect { $id }
error-ics-not-calendar = { $path } esiste e non è un calendario: watch --ics sostituisce solo un calendario scritto da lui; indica un altro percorso

## Issue 21: fusi orari, piani di promemoria, riepiloghi, formati chat
error-bad-timezone = '{ $value }' non è un fuso orario: usa un nome IANA come Europe/Rome, America/New_York o UTC
error-bad-timezone-like = '{ $value }' non è un fuso orario: intendevi { $like }?
error-bad-digest-at = '{ $value }' non è un'ora del giorno: scrivila come HH:MM, per esempio 08:00
error-digest-at-immediate = --digest-at fissa l'ora di un riepilogo giornaliero: usalo con --delivery digest, non immediate
error-bad-reminders = '{ $value }' non è un piano di promemoria: { $why }; scrivi fino a cinque anticipi come 7d,1d
reminders-empty = non indica nessun anticipo
reminders-too-many = ha più di { $most } anticipi
reminders-out-of-range = { $lead } è fuori dall'intervallo da { $shortest } a { $longest }
reminders-repeated = { $lead } compare due volte
error-portal-set-nothing = portal set vuole --timezone o --reminders: vedi switchboard portal set --help
cli-portal-settings = { $portal }: fuso orario { $zone } · promemoria { $reminders } prima di una scadenza
cli-delivery-digest = riepilogo giornaliero alle { $at }
cli-delivery-immediate = ogni messaggio appena arriva
cli-channel-portal-zone = quello del portale
audit-portal-settings = impostazioni del portale: fuso orario { $zone }, promemoria { $reminders } prima di una scadenza
menu-zone = Fuso orario: { $zone }
zone-title = Il tuo fuso orario
zone-intro = Ogni ora sugli schermi, e nei tuoi promemoria, si legge in questo fuso.
zone-field = Fuso
zone-portal = quello del portale, { $zone }
zone-reads = { $zone }: l'orologio del portale segna { $clock } · Tab completa · vuoto: quello del portale
toast-zone-saved = Le ore ora si leggono in { $zone }
chat-account = Account
chat-network = Social network
chat-deadline = Scadenza
chat-action-reminder = Ricollegalo prima della scadenza, così i post programmati continuano a essere pubblicati:
chat-action-purge = Ricollegalo prima di allora per conservare post e cronologia:
error-bad-metrics-address = '{ $value }' non è un indirizzo su cui servire le metriche: indica una porta (9464, solo su questa macchina) o un indirizzo e una porta (127.0.0.1:9464)
error-metrics-bind = impossibile servire le metriche su { $address }: { $why }; scegli un'altra porta con --metrics
health-no-sweep-yet = nessuna scansione è ancora terminata
health-sweep-failing = l'ultima scansione non è potuta partire: { $why }
health-sweep-late = l'ultima scansione è terminata { $seconds } s fa; se ne aspetta una almeno ogni { $most } s
delivery-digest-subject = Switchboard: { $count ->
        [one] un account ha bisogno di te
       *[other] { $count } account hanno bisogno di te
    }
delivery-digest-hello =
    Ciao { $name },

    Questi account hanno bisogno di te, dal più urgente:
delivery-digest-by = Entro { IL($deadline) } ({ $zone }):
delivery-digest-reminder = riautorizzalo
delivery-digest-purge = ricollegalo per conservare post e cronologia
delivery-digest-closing =
    Ogni comando ricollega il suo account (switchboard deadlines --days 7 li elenca tutti).

    — Switchboard
chat-action-digest = Tutti gli account che hanno bisogno di te, dal più urgente:
chat-more = e { $count ->
        [one] un altro
       *[other] altri { $count }
    } nel testo
lead-days = { $count ->
        [1] un giorno
        [7] una settimana
       *[other] { $count } giorni
    }
lead-hours = { $count ->
        [one] un'ora
       *[other] { $count } ore
    }
cli-watch-digest = { "  " }come un solo riepilogo di { $count ->
        [one] un promemoria o avviso
       *[other] { $count } promemoria e avvisi
    }
error-pgpass-mode = il file delle password { $file } non è stato letto: altri possono leggerlo (chmod 600 { $file }, come chiede libpq)
error-postgres-no-password = il server chiede una password e non ne è stata data nessuna
cli-portal-engine-file = in un file SQLite (SQLite { $version })
cli-portal-engine-server-clear = su un server PostgreSQL { $version }; la connessione non è cifrata
cli-portal-engine-server-tls = su un server PostgreSQL { $version }; la connessione è cifrata ({ $protocol })
error-postgres-sslmode = { $setting } { $value } non è una modalità che i client PostgreSQL conoscono: usa una tra { $modes }
error-postgres-system-roots-weak = sslrootcert=system controlla il nome del server, quindi va con sslmode=verify-full, non { $mode }: togli sslmode, o scrivi verify-full
error-postgres-service = nessun servizio [{ $service }] in { $files }: definiscilo lì (host=, dbname=, …), o togli service
error-postgres-tls-file = impossibile usare { $setting } { $file } ({ $why }): indica un file PEM leggibile
error-postgres-key-mode = altri possono leggere la chiave del client { $file }: esegui chmod 600 (anche psql la rifiuta)
error-postgres-tls-failed = la sessione TLS con PostgreSQL non è riuscita ({ $why }). Non è stato scritto nulla
error-postgres-tls-unknown-issuer = il certificato di { $host } non è emesso da una CA di cui Switchboard si fida ({ $roots }): indica la sua CA con sslrootcert=FILE, o scrivi sslmode=require per cifrare senza controllare chi è il server. Non è stato scritto nulla
postgres-tls-system-roots = le radici fidate del sistema
error-postgres-tls-name = il certificato di { $host } è per { $names }, non per { $host }: collegati con un nome del certificato, o scrivi sslmode=verify-ca per controllarne la CA ma non il nome. Non è stato scritto nulla
error-postgres-tls-expired = il certificato di { $host } è scaduto il { $date }: rinnovalo sul server (sslmode=require cifrerebbe senza controllarlo). Non è stato scritto nulla
error-postgres-tls-not-yet = il certificato di { $host } non è valido prima del { $date }: controlla gli orologi del server e di questa macchina. Non è stato scritto nulla
error-postgres-tls-bad-certificate = il certificato di { $host } è stato rifiutato ({ $why }): controllalo sul server, o scrivi sslmode=require per cifrare senza controllarlo. Non è stato scritto nulla
error-postgres-tls-refused = il server { $host } non offre TLS, e Switchboard non manda dati del portale in chiaro attraverso una rete: attiva ssl nel suo postgresql.conf, o scrivi sslmode=disable se la rete è solo tua. Non è stato scritto nulla
cli-portal-engine-certificate = il certificato del server: { $subject }; { $mode ->
    [verify-full] ne sono stati controllati la CA e il nome (sslmode=verify-full)
    [verify-ca] ne è stata controllata la CA, non il nome (sslmode=verify-ca)
   *[other] non è stato controllato (sslmode={ $mode }): scrivi sslmode=verify-full per controllare chi è il server
}
