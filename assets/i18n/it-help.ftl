# L'aiuto della riga di comando in italiano: un messaggio per comando
# (about-PERCORSO) e per argomento (arg-PERCORSO-ID). In inglese l'aiuto è
# quello di clap, dalle definizioni degli argomenti (src/cli/args.rs); un test
# controlla che qui ci sia ogni comando e ogni argomento.

about-switchboard = Tieni gli account social dell'azienda collegati alla suite di marketing. Senza sottocomando apre l'interfaccia a terminale; con uno, lo esegue ed esce: ogni comando porta prima il portale al suo istante.
arg-switchboard-db = Il database del portale [predefinito: $SWITCHBOARD_DB, altrimenti portal.db nella cartella dati]
arg-switchboard-as_user = L'utente che agisce, per email: chi controllano le regole dei permessi [predefinito: $SWITCHBOARD_USER]
arg-switchboard-now = L'istante a cui agire, RFC 3339 (altrimenti l'orologio demo, altrimenti quello di sistema)
arg-switchboard-json = Output per i programmi su stdout: un documento JSON per comando
arg-switchboard-lang = La lingua: en (inglese) o it (italiano) [predefinita: $SWITCHBOARD_LANG, il lang del file di configurazione, il locale]
arg-switchboard-verbose = Di' di più: ogni evento di un aggiornamento, non solo il riepilogo
arg-switchboard-record = Registra l'interfaccia a terminale (o un tour senza terminale) come file asciicast v2
exit-codes = Codici di uscita: 0 fatto, 2 uso o valore sbagliato, 3 rifiutato per permesso o abbonamento, 4 account/post/utente/database inesistente, 5 rifiutato per lo stato, 1 tutto il resto.

about-init = Crea un nuovo database del portale con un super admin
arg-init-portal = Il nome del portale, come lo mostra l'intestazione
arg-init-tier = L'abbonamento: free, starter, professional, enterprise o legacy_basic
arg-init-admin = L'email del primo super admin (l'utente con cui agire)
arg-init-admin_name = Il nome del primo super admin
about-demo = Crea il portale demo e apre su di esso l'interfaccia a terminale, con il tour guidato (senza --db è demo.db nella cartella dati, ricreato a ogni avvio, mai sopra un file che non sia una demo)
arg-demo-no_tui = Crealo soltanto, e mostra i suoi utenti
about-tour = Presenta un tour guidato (un file TOML, o 'article' / 'articolo' per quello incluso)
arg-tour-file = Un file di tour, o 'article' ('articolo' in italiano) per il tour dell'articolo
arg-tour-headless = Eseguilo senza terminale, stampando lo schermo di ogni passo come testo
arg-tour-size = La dimensione dello schermo senza terminale [predefinita: 120x36]
about-generate = Crea un portale sintetico per i benchmark (lo stesso seme dà lo stesso portale)
arg-generate-accounts = Quanti account social, in ogni stato che le regole permettono
arg-generate-posts = Quanti post, distribuiti sugli account che hanno ancora una cronologia
arg-generate-seed = Il seme del generatore: lo stesso seme dà lo stesso portale [predefinito: 1]

about-tier = L'abbonamento del portale
about-tier-set = Cambia l'abbonamento del portale (solo super admin)
about-portal = Le impostazioni del portale: il fuso orario e i promemoria
about-portal-show = Mostra le impostazioni del portale
about-portal-set = Cambia le impostazioni del portale (solo super admin)
arg-portal-set-timezone = Il fuso orario in cui si leggono le ore se non se ne è scelto uno proprio: un nome IANA come Europe/Rome (predefinito UTC)
arg-portal-set-reminders = Quando partono i promemoria prima di una scadenza di riautorizzazione: fino a cinque anticipi come 7d,1d (predefinito 7d)
arg-tier-set-tier = free, starter, professional, enterprise o legacy_basic

about-user = Gli utenti del portale
about-user-add = Aggiungi un utente (solo super admin)
arg-user-add-email = L'email del nuovo utente
arg-user-add-name = Il nome del nuovo utente
arg-user-add-super_admin = Rendilo super admin (accesso a tutto, può pubblicare)
arg-user-add-access = Accesso social: none, own (gli account che ha collegato) o all [predefinito: none]
arg-user-add-publish = Il permesso di pubblicare: può programmare e collegare
about-user-deactivate = Disattiva un utente (solo super admin)
arg-user-deactivate-email = L'email dell'utente
about-user-list = Elenca gli utenti (solo super admin)

about-account = Account social
about-account-connect = Collega un nuovo account, o ricollega quello noto con lo stesso social network e handle
arg-account-connect-network = facebook, instagram, linkedin, x o youtube
arg-account-connect-handle = L'handle dell'account sul social network (con o senza @); con --authorize lo dice il social network
arg-account-connect-name = Il nome che mostra l'elenco [predefinito: l'handle]
arg-account-connect-authorize = Accedi sul social network (la sua sezione [networks.NOME] nel file di configurazione): l'account e la sua autorizzazione sono quelli del social network
arg-account-connect-device = Con --authorize: con un codice da inserire su un altro dispositivo (RFC 8628), URL e codice stampati su stderr
about-account-reconnect = Ricollega account disconnessi o scaduti (più id: ognuno col suo risultato, tutti in una transazione)
arg-account-reconnect-ids = Gli id degli account
arg-account-reconnect-if_version = Rifiuta (uscita 5) se la version dell'account (da 'account show --json') non è più questa: qualcosa l'ha cambiato da quando l'hai guardato
arg-account-reconnect-authorize = Accedi di nuovo sul social network (un account): l'accesso deve essere quello dell'account
arg-account-reconnect-device = Con --authorize: con un codice da inserire su un altro dispositivo (RFC 8628)
about-account-disconnect = Disconnetti account (i loro post programmati vengono annullati; più id: ognuno col suo risultato, tutti in una transazione)
arg-account-disconnect-ids = Gli id degli account
arg-account-disconnect-if_version = Rifiuta (uscita 5) se la version dell'account (da 'account show --json') non è più questa: qualcosa l'ha cambiato da quando l'hai guardato
about-account-remove = Rimuovi un account e tutti i suoi post
arg-account-remove-id = L'id dell'account
arg-account-remove-confirm = L'handle dell'account, per confermare
arg-account-remove-if_version = Rifiuta (uscita 5) se la version dell'account (da 'account show --json') non è più questa: qualcosa l'ha cambiato da quando l'hai guardato
about-account-list = L'elenco degli account
arg-account-list-all = Includi gli account nascosti dopo 90 giorni di disconnessione
arg-account-list-status = Solo gli account in questo stato: attention (settimana del promemoria, o disconnessi e recuperabili), connected, disconnected, expired
arg-account-list-network = Solo gli account di questo social network
arg-account-list-sort = network (l'ordine della pagina, il predefinito) o urgency (prima la scadenza o l'eliminazione più vicina)
arg-account-list-after = Comincia dopo questo id (l'ultimo della pagina precedente)
arg-account-list-limit = Al massimo questi
arg-account-list-format = human, json o csv [predefinito: human, o json con --json]
about-account-show = Un account
arg-account-show-id = L'id dell'account
about-account-export = Scrivi tutta la cronologia di un account (post, notifiche, registro) come JSON, per conservarla prima dell'eliminazione
arg-account-export-id = L'id dell'account
arg-account-export-output = Un nuovo file in cui scriverla (mai sopra un file esistente) [predefinito: stdout]

about-network-event = Cosa fa un social network a un account: security, deleted o inactive
arg-network-event-id = L'id dell'account
arg-network-event-event = security (un cambio di password o un controllo di sicurezza), deleted (l'account non esiste più sul social network) o inactive (X: 90 giorni senza post)

about-post = Post
about-post-schedule = Programma un post su un account collegato
arg-post-schedule-account_id = L'id dell'account
arg-post-schedule-at = Quando esce, RFC 3339 (nel futuro)
arg-post-schedule-text = Cosa dice (entro il limite di lunghezza del social network)
about-post-draft = Scrivi una bozza
arg-post-draft-account_id = L'id dell'account
arg-post-draft-text = Cosa dice (entro il limite di lunghezza del social network)
about-post-cancel = Annulla un post
arg-post-cancel-id = L'id del post
about-post-reschedule = Riprogramma una bozza, o un post programmato o annullato
arg-post-reschedule-id = L'id del post
arg-post-reschedule-at = Quando esce, RFC 3339 (nel futuro)
about-post-list = Una scheda di post, o tutti i post
arg-post-list-tab = scheduled, published, drafts o canceled
arg-post-list-account = Solo i post di questo account
arg-post-list-after = Comincia dopo questo id (l'ultimo della pagina precedente)
arg-post-list-limit = Al massimo questi
arg-post-list-format = human, json o csv [predefinito: human, o json con --json]

about-sweep = Applica ogni evento dovuto fino a ora, e dice cosa è successo
about-watch = Tiene aggiornato il portale: applica ogni evento al suo istante (dorme fino al prossimo evento, e si sveglia prima se un altro processo cambia il portale), finché non viene fermato; SIGHUP ricarica la configurazione, SIGTERM o SIGINT lo fermano subito
about-clock = L'orologio demo del portale
about-clock-show = L'orologio in uso e fin dove è stato aggiornato il portale
about-clock-set = Imposta l'orologio demo e aggiorna il portale fino a lì
arg-clock-set-instant = Il nuovo istante, RFC 3339 (mai prima dell'ultimo aggiornamento del portale)
about-clock-advance = Sposta avanti l'orologio demo (come 90d, 12h, 30m) e aggiorna il portale fino a lì
arg-clock-advance-duration = Di quanto: un numero e d, h o m (90d, 12h, 30m)
about-clock-unset = Torna all'orologio di sistema (rifiutato finché l'orologio demo è avanti)

about-notifications = Una casella di notifiche: quella dell'utente che agisce, o di --user
arg-notifications-user = Di chi è la casella (un super admin può leggere quella di chiunque)
arg-notifications-mark_read = Segna come lette le notifiche elencate
about-audit = Il registro delle attività
arg-audit-account = Solo le voci di questo account
arg-audit-format = human, json o csv [predefinito: human, o json con --json]
about-completions = Stampa lo script di completamento per SHELL
arg-completions-shell = La shell
about-man = Stampa la pagina di manuale (roff) su stdout, o scrive una pagina per comando
arg-man-dir = Scrive una pagina per comando in questa cartella (sostituendo quelle fatte prima)
about-config = Dov'è il file di configurazione della TUI, o l'intera configurazione predefinita
arg-config-default = Stampa l'intera configurazione predefinita: il tema e ogni azione con i suoi tasti

## Gli errori d'uso, detti di nuovo dal loro contesto

clap-invalid-subcommand = sottocomando sconosciuto '{ $name }'
clap-unknown-argument = argomento inatteso '{ $name }'
clap-missing-argument = mancano gli argomenti obbligatori: { $names }
clap-missing-subcommand = manca il sottocomando
clap-invalid-value = valore '{ $value }' non valido per { $name }
clap-conflict = { $name } non si può usare con { $other }
clap-values = numero di valori sbagliato per { $name }
clap-valid-values = valori possibili: { $values }
clap-did-you-mean = forse intendevi { $names }
clap-see-help = vedi '{ $command } --help'

about-user-set = Dove e come si consegnano i promemoria di un utente: email, un webhook e il suo formato, un riepilogo giornaliero, la lingua e il fuso orario (i propri, o di chiunque per un super admin); senza opzioni, li mostra
arg-user-set-email = L'email dell'utente
arg-user-set-email_notifications = Manda i suoi promemoria e avvisi di eliminazione al suo indirizzo email (on o off)
arg-user-set-webhook = Manda i suoi promemoria e avvisi di eliminazione, firmati, a questo URL http(s) con un POST
arg-user-set-no_webhook = Non mandarli più a un webhook
arg-user-set-lang = La lingua dei suoi messaggi: en o it (predefinita: quella del watch)
arg-user-set-default_lang = Scrivi i suoi messaggi di nuovo nella lingua del watch
arg-user-set-timezone = Il fuso orario in cui legge le ore: un nome IANA come Europe/Rome, o 'portal' per quello del portale (il predefinito)
arg-user-set-delivery = immediate: ogni messaggio appena arriva (il predefinito); digest: un messaggio al giorno
arg-user-set-digest_at = L'ora del suo riepilogo giornaliero nel suo fuso orario, HH:MM (predefinita 08:00)
arg-user-set-webhook_format = La forma dei messaggi del suo webhook: json (firmato), slack, discord o teams
about-notifications-outbox = Le consegne di promemoria e avvisi di eliminazione, dalle più recenti (un super admin vede quelle di tutti)
arg-notifications-outbox-failed = Solo le consegne fallite definitivamente
arg-notifications-outbox-user = Solo quelle di questo utente (un super admin può vedere quelle di chiunque)
about-notifications-retry = Rimetti in coda una consegna fallita (il destinatario, o un super admin)
arg-notifications-retry-id = L'id della consegna, da 'notifications outbox'
about-migrate = Copia un portale in un altro motore o file: da SQLite a PostgreSQL, o al contrario
arg-migrate-from = Il portale da copiare: un file, o postgres://utente@host/nomedb
arg-migrate-to = Dove va la copia: un nuovo file, o un database PostgreSQL vuoto

# The frame of the help: clap's headings and its own flags.
clap-usage = Uso:
clap-heading-commands = Comandi
clap-heading-options = Opzioni
clap-heading-global = Opzioni globali
clap-heading-arguments = Argomenti
clap-value-command = COMANDO
clap-help-flag = Mostra l'aiuto
clap-help-subcommand = Mostra l'aiuto di switchboard o dei sottocomandi indicati
clap-version-flag = Mostra la versione
clap-examples = Esempi:
clap-example = Esempio:
about-deadlines = Le prossime scadenze di riautorizzazione ed eliminazioni: righe, JSON, o un file iCalendar (un evento ciascuna, con UID stabili: una nuova importazione aggiorna gli eventi)
arg-deadlines-account = Solo quelle di questo account
arg-deadlines-days = Quanti giorni avanti (da 1 a 3660)
arg-deadlines-format = human, json o ics [predefinito: human, o json con --json]
arg-watch-ics = Mantiene aggiornato un file iCalendar con le scadenze del prossimo anno (come deadlines --format ics), da sottoscrivere in un calendario
arg-watch-metrics = Serve le metriche Prometheus su /metrics e lo stato su /healthz a questa porta (solo questa macchina) o indirizzo:porta
