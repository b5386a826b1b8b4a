<?php
// Sets up test accounts on a throwaway MediaWiki through MediaWiki's own services, in one PHP
// process (a maintenance script per account would take a second each). Reads a JSON spec from
// standard input:
//   {"users": [{"name": "Ann", "groups": ["bot"]}],
//    "edits": [{"user": "Ann", "count": 3}],
//    "blocks": [{"user": "Bo", "sitewide": true, "expiry": "infinity"}]}
// Users are created (registration = now), groups added, edits saved as real revisions (which
// raise the edit count), blocks placed by the wiki's Admin: sitewide, or partial (from the main
// namespace). Run as: MW_INSTALL_PATH=… MW_CONFIG_FILE=… php fixture.php < spec.json
// Used by crates/urna-web/tests/wiki/main.rs.

use MediaWiki\Block\Restriction\NamespaceRestriction;
use MediaWiki\MediaWikiServices;
use MediaWiki\Revision\SlotRecord;

require_once getenv( 'MW_INSTALL_PATH' ) . '/maintenance/Maintenance.php';

class UrnaFixture extends Maintenance {
	public function execute() {
		$spec = json_decode( stream_get_contents( STDIN ), true );
		if ( !is_array( $spec ) ) {
			$this->fatalError( 'the spec on standard input is not JSON' );
		}
		$services = MediaWikiServices::getInstance();
		$users = $services->getUserFactory();
		$groups = $services->getUserGroupManager();
		foreach ( $spec['users'] ?? [] as $u ) {
			$user = $users->newFromName( $u['name'] );
			if ( !$user ) {
				$this->fatalError( "bad user name {$u['name']}" );
			}
			if ( !$user->isRegistered() ) {
				$status = $user->addToDatabase();
				if ( !$status->isOK() ) {
					$this->fatalError( "could not create {$u['name']}" );
				}
			}
			foreach ( $u['groups'] ?? [] as $g ) {
				$groups->addUserToGroup( $user, $g );
			}
		}
		$pages = $services->getWikiPageFactory();
		foreach ( $spec['edits'] ?? [] as $e ) {
			$user = $users->newFromName( $e['user'] );
			for ( $i = 0; $i < $e['count']; $i++ ) {
				$title = Title::newFromText( "Urna fixture/{$e['user']}/$i" );
				$updater = $pages->newFromTitle( $title )->newPageUpdater( $user );
				$updater->setContent( SlotRecord::MAIN, new WikitextContent( "Edit $i by {$e['user']}" ) );
				$updater->saveRevision( CommentStoreComment::newUnsavedComment( 'fixture edit' ) );
				if ( !$updater->wasSuccessful() ) {
					$this->fatalError( "edit $i by {$e['user']} failed" );
				}
			}
		}
		$admin = $users->newFromName( 'Admin' );
		foreach ( $spec['blocks'] ?? [] as $b ) {
			$options = [ 'isPartial' => !$b['sitewide'] ];
			$restrictions = $b['sitewide'] ? [] : [ new NamespaceRestriction( 0, NS_MAIN ) ];
			$status = $services->getBlockUserFactory()->newBlockUser(
				$b['user'], $admin, $b['expiry'], 'Urna test fixture', $options, $restrictions
			)->placeBlockUnsafe();
			if ( !$status->isOK() ) {
				$this->fatalError( "could not block {$b['user']}: " . $status->getWikiText() );
			}
		}
		DeferredUpdates::doUpdates();
		$this->output( "ok\n" );
	}
}

$maintClass = UrnaFixture::class;
require_once RUN_MAINTENANCE_IF_MAIN;
